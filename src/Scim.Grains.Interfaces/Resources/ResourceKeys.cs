namespace Scim.Grains.Interfaces.Resources;

/// <summary>The grain key of a resource: <c>{tenant}/{id}</c>. Tenant ids cannot contain '/', so the split is unambiguous.</summary>
public static class ResourceKeys
{
    public static string Of(string tenant, string id) => $"{tenant}/{id}";

    public static (string Tenant, string Id) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}

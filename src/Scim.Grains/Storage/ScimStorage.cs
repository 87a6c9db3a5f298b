namespace Scim.Grains.Storage;

/// <summary>The name of the Orleans grain storage that holds the small grains' state (tenants, token sets).</summary>
public static class ScimStorage
{
    public const string Name = "scim";
}

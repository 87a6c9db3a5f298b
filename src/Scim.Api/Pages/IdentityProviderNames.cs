using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages;

/// <summary>The identity providers as people know them, in the order the pages offer them.</summary>
public static class IdentityProviderNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [IdentityProviders.Entra] = "Microsoft Entra ID",
        [IdentityProviders.Okta] = "Okta",
        ["onelogin"] = "OneLogin",
        ["jumpcloud"] = "JumpCloud",
        ["google"] = "Google Workspace",
        ["pingfederate"] = "PingFederate",
        ["other"] = "Other (any SCIM 2.0 client)",
    };

    public static IEnumerable<(string Id, string Name)> All => IdentityProviders.All.Select(id => (id, Of(id)));

    public static string Of(string? id) => id is null ? "none" : Names.GetValueOrDefault(id, id);
}

namespace Scim.Grains.Interfaces.Tenants;

/// <summary>The identity providers a token can be issued to (DESIGN §1).</summary>
public static class IdentityProviders
{
    public const string Entra = "entra";
    public const string Okta = "okta";

    public static readonly IReadOnlyList<string> All = [Entra, Okta, "onelogin", "jumpcloud", "google", "pingfederate", "other"];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name);
}

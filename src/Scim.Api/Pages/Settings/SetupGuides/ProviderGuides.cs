using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>The setup guide of each identity provider, in the order the pages offer them.</summary>
public static class ProviderGuides
{
    /// <summary>When the guides were last checked against the providers' public documentation.</summary>
    public static readonly DateOnly Checked = new(2026, 12, 4);

    public static SetupGuide For(string? provider, GuideContext context) => provider switch
    {
        IdentityProviders.Entra => EntraGuide.Of(context),
        IdentityProviders.Okta => OktaGuide.Of(context),
        "onelogin" => OneLoginGuide.Of(context),
        "jumpcloud" => JumpCloudGuide.Of(context),
        "google" => GoogleWorkspaceGuide.Of(context),
        "pingfederate" => PingFederateGuide.Of(context),
        _ => GenericScimGuide.Of(context),
    };

    public static IEnumerable<SetupGuide> All(GuideContext context) => IdentityProviders.All.Select(p => For(p, context));
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scim.Api.Http;
using Scim.Api.SingleSignOn;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Pages.Settings;

/// <summary>
/// Settings -> Integrations -> Single sign-on, for platform admins and the owner: the addresses to register at the
/// identity provider, the settings (stored through the same rules as the API; the client secret never shown again), a
/// test sign-in that proves them, "SSO only" once proved, and removal.
/// </summary>
public sealed class SsoModel(IGrainFactory grains, SsoClientSecrets secrets, IServer server, IOptions<ScimApiOptions> options) : PlatformPageModel(grains)
{
    [FromRoute] public string GroupId { get; set; } = "";

    [BindProperty] public string? Issuer { get; set; }

    [BindProperty] public string? ClientId { get; set; }

    [BindProperty] public string? ClientSecret { get; set; }

    [BindProperty] public string? Claim { get; set; }

    [BindProperty] public string? MatchAttribute { get; set; }

    [BindProperty] public string? AllowedEmailDomains { get; set; }

    [BindProperty] public bool SsoOnly { get; set; }

    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>What the last action did, after its redirect (saved, removed).</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    /// <summary>How the last test sign-in ended: verified, or the refusal's reason.</summary>
    [BindProperty(SupportsGet = true)] public string? Test { get; set; }

    public SsoSettingsView View { get; private set; } = null!;

    public string Provider { get; private set; } = "";

    public string TestPath => $"{TenantSso.TestPath(Tenant)}?returnUrl={Uri.EscapeDataString(SsoSettingsPath)}";

    public string? TestFailure => Test is null or "verified" ? null : SsoRefusals.Explain(Test, Provider);

    private ISingleSignOnGrain Sso => Grains.Grain<ISingleSignOnGrain>(Tenant);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnterAsync(adminsOnly: true) is { } instead) return instead;
        if (GroupId != PlatformGroupId) return LocalRedirect(SsoSettingsPath);
        return await ShowAsync();
    }

    public Task<IActionResult> OnPostSaveAsync() =>
        AdminActionAsync(() => SsoSettings.SaveAsync(Grains, secrets, Tenant, new SsoSettings.Request(Issuer, ClientId, ClientSecret, Claim, MatchAttribute,
                (AllowedEmailDomains ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), SsoOnly, DisplayName),
                Viewer!.Id),
            () => $"{SsoSettingsPath}?done=saved", ShowAsync);

    public Task<IActionResult> OnPostRemoveAsync() => AdminActionAsync(Sso.RemoveAsync, () => $"{SsoSettingsPath}?done=removed", ShowAsync);

    private async Task<IActionResult> ShowAsync()
    {
        ViewData["GroupId"] = PlatformGroupId;
        var state = await Sso.GetAsync();
        View = SsoSettingsView.Of(state, ScimEndpointUrls.Origin(options.Value.PublicBaseUrl, server), Tenant);
        Provider = SsoProviders.Name(state);
        // After a refused save the form keeps what the admin typed (never the secret); otherwise it shows what is stored.
        if (Error is null && View.Configured)
        {
            (Issuer, ClientId, Claim, MatchAttribute, SsoOnly, DisplayName) =
                (View.Issuer, View.ClientId, View.Claim, View.MatchAttribute, View.SsoOnly, View.DisplayName);
            AllowedEmailDomains = string.Join(", ", View.AllowedEmailDomains ?? []);
        }
        ClientSecret = null;
        return Page();
    }
}

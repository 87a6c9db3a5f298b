using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Api.Pages.Settings.SetupGuides;
using Scim.Api.SingleSignOn;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Settings;

/// <summary>
/// Settings -> Integrations -> SCIM, for platform admins and the owner: the identity provider, tokens (the new one shown
/// once), the temporary-password e-mail, activation and the endpoint URL, the setup guide of a provider, and the newest
/// calls of the provisioning log.
/// Every action goes to the same grains as the platform admin API. Each submit also saves the provider and the e-mail
/// box as the form holds them, so what the admin chose is never lost to the button they pressed.
/// </summary>
public sealed class ScimModel(IGrainFactory grains, IServer server, IOptions<ScimApiOptions> options, TokenChanges changes) : PlatformPageModel(grains)
{
    public const int RecentCalls = 10;

    /// <summary>How long an identity provider's previous token may keep working after a new one, as offered.</summary>
    public static readonly IReadOnlyList<(int Minutes, string Label)> Overlaps =
        [(0, "Stop it now"), (60, "Keep it working for 1 hour"), (1440, "Keep it working for 24 hours")];

    [FromRoute] public string GroupId { get; set; } = "";

    [BindProperty] public string? IdentityProvider { get; set; }

    [BindProperty] public bool SendTemporaryPasswordEmail { get; set; }

    [BindProperty] public string? TokenName { get; set; }

    [BindProperty] public int OverlapMinutes { get; set; }

    [BindProperty] public string? TokenId { get; set; }

    /// <summary>The identity provider whose setup guide is shown; the one the settings name when none is chosen.</summary>
    [BindProperty(SupportsGet = true)] public string? Guide { get; set; }

    public SetupGuide SetupGuide { get; private set; } = null!;

    /// <summary>What the last action did, after its redirect (saved, activated, deactivated, revoked).</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public ConnectorState Connector { get; private set; } = null!;

    public IReadOnlyList<TokenInfo> Tokens { get; private set; } = [];

    public IReadOnlyList<ProvisioningLogEntry> Calls { get; private set; } = [];

    /// <summary>Whether the identity provider has called since its newest token, and what to do about a failure.</summary>
    public ConnectionCheck? Connection => ConnectionCheck.Of(Tokens, Calls);

    /// <summary>The token just generated: shown on this answer only, never again.</summary>
    public IssuedToken? NewToken { get; private set; }

    public string EndpointUrl => ScimEndpointUrls.For(Tenant, options.Value.PublicBaseUrl, server);

    /// <summary>Names of the people (by user id) who generated tokens or activated the integration.</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    private ITenantGrain TenantGrain => Grains.Grain<ITenantGrain>(Tenant);

    private ITokenSetGrain TokenSet => Grains.Grain<ITokenSetGrain>(Tenant);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnterAsync(adminsOnly: true) is { } instead) return instead;
        if (GroupId != PlatformGroupId) return LocalRedirect(ScimSettingsPath);
        return await ShowAsync();
    }

    public Task<IActionResult> OnPostSettingsAsync() => ActAsync("saved", () => Task.CompletedTask);

    public Task<IActionResult> OnPostActivateAsync() => ActAsync("activated", () => changes.ActivateAsync(Tenant, Viewer!.Id));

    public Task<IActionResult> OnPostDeactivateAsync() => ActAsync("deactivated", () => changes.DeactivateAsync(Tenant), saveSettings: false);

    public Task<IActionResult> OnPostRevokeAsync() => ActAsync("revoked", () => changes.RevokeAsync(Tenant, TokenId ?? ""), saveSettings: false);

    /// <summary>Generates a token for the provider the form holds; the page answers with it once, instead of a redirect.</summary>
    public async Task<IActionResult> OnPostTokenAsync()
    {
        if (await EnterAsync(adminsOnly: true) is { } instead) return instead;
        Error = await FormRefusals.OfAsync(async () =>
        {
            await SaveSettingsAsync();
            if (!IdentityProviders.IsKnown(IdentityProvider)) throw ScimException.InvalidValue("Select the identity provider the token is for.");
            NewToken = await changes.IssueAsync(Tenant, new TokenRequest(IdentityProvider!, Blank(TokenName), OverlapMinutes, Viewer!.Id));
        });
        return await ShowAsync();
    }

    private Task<IActionResult> ActAsync(string done, Func<Task> action, bool saveSettings = true) =>
        AdminActionAsync(async () =>
        {
            if (saveSettings) await SaveSettingsAsync();
            await action();
        }, () => $"{ScimSettingsPath}?done={done}", ShowAsync);

    private Task SaveSettingsAsync() =>
        TenantGrain.SetSettingsAsync(new ScimSettings(Blank(IdentityProvider), SendTemporaryPasswordEmail));

    private async Task<IActionResult> ShowAsync()
    {
        ViewData["GroupId"] = PlatformGroupId;
        Connector = await TenantGrain.GetConnectorAsync();
        if (Request.Method == HttpMethods.Get || Error is null)
            (IdentityProvider, SendTemporaryPasswordEmail) = (Connector.Settings.IdentityProvider, Connector.Settings.SendTemporaryPasswordEmail);
        if (!Connector.Enabled) return Page();
        var context = new GuideContext(EndpointUrl, CustomField.SchemaUrn(Tenant), await TenantGrain.GetCustomFieldsAsync());
        SetupGuide = ProviderGuides.For(IdentityProviders.IsKnown(Guide) ? Guide : Connector.Settings.IdentityProvider ?? IdentityProviders.Entra, context);
        Tokens = await TokenSet.ListAsync();
        // The identity provider's calls: people's sign-ins through single sign-on share the log but are not calls.
        Calls = (await Grains.Grain<IProvisioningLogGrain>(Tenant).ReadAsync(new LogQuery(null, null, null, null, null, null, RecentCalls))).Entries
            .Where(e => e.ResourceType != TenantOidcEvents.LogResourceType).ToList();
        People = await NamesAsync(Tokens.Select(t => t.CreatedBy).Append(Connector.ActivatedBy));
        return Page();
    }

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userIds)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in userIds.OfType<string>().Distinct())
        {
            if (id == OperatorKeys.Caller) names[id] = "your account team";
            else
            {
                try
                {
                    names[id] = (await Grains.Grain<IUserGrain>(ResourceKeys.Of(Tenant, id)).GetPlatformUserAsync()).UserName;
                }
                catch (ScimException e) when (e.Status < 500)
                {
                    names[id] = "a deleted user";
                }
            }
        }
        return names;
    }

    public string Person(string? id) => id is null ? "nobody" : People.GetValueOrDefault(id, id);

    public static string StateOf(TokenInfo token) => token.State switch
    {
        "retiring" => $"retiring, works until {PageText.Time(token.WorksUntil)}",
        "superseded" => "inactive (replaced by a newer token)",
        "revoked" => "inactive (revoked)",
        _ => token.State,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using Microsoft.AspNetCore.Mvc;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Pages.Settings;

/// <summary>
/// The provisioning log for platform admins and the owner: every call of the identity provider, newest first, filtered
/// by outcome, resource type and identity provider, a page at a time. Entries name the attributes a call set, never
/// their values.
/// </summary>
public sealed class LogModel(IGrainFactory grains) : PlatformPageModel(grains)
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Value, string Label)> Outcomes =
        [("", "All outcomes"), ("2xx", "Succeeded (2xx)"), ("4xx", "Refused (4xx)"), ("5xx", "Failed (5xx)")];

    public static readonly IReadOnlyList<(string Value, string Label)> ResourceTypes =
        [("", "All resources"), ("User", "Users"), ("Group", "Groups"), ("Bulk", "Bulk requests")];

    [FromRoute] public string GroupId { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)] public string? ResourceType { get; set; }

    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }

    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public LogPage Entries { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnterAsync(adminsOnly: true) is { } instead) return instead;
        if (GroupId != PlatformGroupId) return LocalRedirect(ScimSettingsPath + "/log");
        ViewData["GroupId"] = PlatformGroupId;
        Outcome = Outcomes.Any(o => o.Value == Outcome) ? Outcome : "";
        var (from, to) = StatusRanges.Parse(Outcome);
        Entries = await Grains.Grain<IProvisioningLogGrain>(Tenant).ReadAsync(new LogQuery(null, null, from, to, null, Before, PageSize,
            string.IsNullOrEmpty(ResourceType) ? null : ResourceType, string.IsNullOrEmpty(Provider) ? null : Provider));
        return Page();
    }

    /// <summary>This page with the same filters, from <paramref name="before"/> on.</summary>
    public string PageFrom(long? before) =>
        $"{ScimSettingsPath}/log?outcome={Uri.EscapeDataString(Outcome ?? "")}&resourceType={Uri.EscapeDataString(ResourceType ?? "")}" +
        $"&provider={Uri.EscapeDataString(Provider ?? "")}" + (before is { } b ? $"&before={b}" : "");
}

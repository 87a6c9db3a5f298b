using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Pages.Users;

/// <summary>
/// A user for admins and the owner: who they are, their groups (direct, and through the tree, as SCIM's <c>groups</c>
/// shows them), where their last e-mail stands and a fresh temporary password; the owner also changes their role.
/// </summary>
public sealed class UserModel(IGrainFactory grains) : PlatformPageModel(grains)
{
    /// <summary>A group of the user, as SCIM renders it.</summary>
    public sealed record Membership(string Id, string? Display, bool Direct);

    [FromRoute] public string UserId { get; set; } = "";

    [BindProperty] public string? Role { get; set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public PlatformUser? Person { get; private set; }

    public string? DisplayName { get; private set; }

    public bool Active { get; private set; }

    public IReadOnlyList<Membership> Groups { get; private set; } = [];

    public MailState? Mail { get; private set; }

    public bool Missing { get; private set; }

    public bool CanChangeRole => Viewer?.Role == PlatformRole.Owner && Viewer.Id != UserId;

    /// <summary>The user's grain key; an id that cannot be a user's is a 404 before any grain is asked, as on the SCIM routes.</summary>
    private string Key => ResourceKeys.Of(Tenant, ScimRequests.RequireResourceId(UserId, "User"));

    public async Task<IActionResult> OnGetAsync() => await EnterAsync(adminsOnly: true) ?? await ShowAsync();

    public Task<IActionResult> OnPostRoleAsync() => AdminActionAsync(async () =>
    {
        if (!CanChangeRole) throw new ScimException(StatusCodes.Status403Forbidden, null, "Only the owner changes roles, and not their own: ask the owner.");
        await Grains.Grain<IUserGrain>(Key).SetRoleAsync(RoleNames.Parse(Role));
    }, () => $"/t/{Tenant}/users/{Uri.EscapeDataString(UserId)}?done=role", ShowAsync);

    public Task<IActionResult> OnPostTemporaryPasswordAsync() => AdminActionAsync(
        () => Grains.Grain<IAccountGrain>(Key).SendTemporaryPasswordAsync(),
        () => $"/t/{Tenant}/users/{Uri.EscapeDataString(UserId)}?done=mail", ShowAsync);

    private async Task<IActionResult> ShowAsync()
    {
        try
        {
            var user = Grains.Grain<IUserGrain>(Key);
            Person = await user.GetPlatformUserAsync();
            var rendered = JsonNode.Parse((await user.GetAsync(new RenderOptions("", "displayName,active,groups"), null)).Json)!;
            DisplayName = rendered["displayName"]?.GetValue<string>();
            Active = rendered["active"]?.GetValue<bool>() ?? true;
            Groups = (rendered["groups"]?.AsArray() ?? []).Select(g => new Membership(g!["value"]!.GetValue<string>(), g["display"]?.GetValue<string>(),
                g["type"]?.GetValue<string>() != "indirect")).ToList();
            Mail = await Grains.Grain<IAccountGrain>(Key).GetMailAsync();
        }
        catch (ScimException e) when (e.Status is StatusCodes.Status404NotFound or StatusCodes.Status400BadRequest)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public static string MailText(MailState mail) =>
        $"{(mail.Kind == MailKind.Invitation ? "Invitation" : "Temporary password")}: " + mail.Status switch
        {
            MailStatus.Sent => $"sent {PageText.Time(mail.SentAt)}",
            MailStatus.Failed => $"failed {PageText.Time(mail.FailedAt)}: {mail.Error}",
            _ => $"waiting to be sent since {PageText.Time(mail.Queued)}" + (mail.Attempts > 0 ? $", {mail.Attempts} attempts so far ({mail.Error})" : ""),
        };
}

using Microsoft.AspNetCore.Mvc;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.Pages.Users;

/// <summary>The tenant's users for admins and the owner: searchable by name or e-mail, a page at a time, with who created each and its role.</summary>
public sealed class UsersModel(IGrainFactory grains) : PlatformPageModel(grains)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public int Start { get; set; } = 1;

    public PlatformUserList Found { get; private set; } = new(0, []);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnterAsync(adminsOnly: true) is { } instead) return instead;
        Start = Math.Max(1, Start);
        Found = await PlatformSearch.UsersAsync(Grains, Tenant, Q, Start, PageSize);
        return Page();
    }

    /// <summary>Every user as CSV, in the columns the import reads.</summary>
    public async Task<IActionResult> OnGetUsersCsvAsync() =>
        await EnterAsync(adminsOnly: true) ?? Csv.CsvDownload.Users(Tenant);

    /// <summary>Every group with its members and their sources as CSV.</summary>
    public async Task<IActionResult> OnGetGroupsCsvAsync() =>
        await EnterAsync(adminsOnly: true) ?? Csv.CsvDownload.Groups(Tenant);

    /// <summary>This list with the same search, from <paramref name="start"/> on.</summary>
    public string PageFrom(int start) => $"/t/{Tenant}/users?q={Uri.EscapeDataString(Q ?? "")}&start={start}";

    public static string RoleName(PlatformRole role) => role switch { PlatformRole.Owner => "Owner", PlatformRole.Admin => "Admin", _ => "User" };
}

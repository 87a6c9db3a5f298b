using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scim.Api.Auth;

namespace Scim.Api.Pages.Operator;

/// <summary>Ends the operator's session.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/operator");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(OperatorSessions.Scheme);
        return LocalRedirect(OperatorSessions.SignInPath);
    }
}

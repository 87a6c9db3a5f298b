using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scim.Api.Auth;
using Scim.Api.Protection;

namespace Scim.Api.Pages.Operator;

/// <summary>The operator console's sign-in: the operator key, typed into a form, is exchanged for a session cookie.</summary>
[EnableRateLimiting(SignInRateLimiting.Policy)]
public sealed class LoginModel(IOptions<ScimApiOptions> options, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public string? Key { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Key) || !OperatorKeys.Matches(Key, options.Value.OperatorKey))
        {
            logger.LogWarning("Operator console sign-in refused from {Address}", HttpContext.Connection.RemoteIpAddress);
            Error = "That is not the operator key. It is set with Scim__OperatorKey; in single-node mode the service prints it at start.";
            return Page();
        }
        await HttpContext.SignInAsync(OperatorSessions.Scheme, OperatorSessions.Principal());
        return LocalRedirect(ReturnUrl is not null && ReturnUrl.StartsWith("/operator", StringComparison.Ordinal) && !ReturnUrl.StartsWith("//", StringComparison.Ordinal)
            ? ReturnUrl : "/operator");
    }
}

using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Pages;

/// <summary>
/// How a page hears that a grain refused what a person asked (a taken name, a cycle, a bad value): the refusal in words
/// for the page to show, next to the form. Failures of the service (5xx) stay errors.
/// </summary>
public static class FormRefusals
{
    /// <summary>Runs the action: null when it went through, else the refusal (<paramref name="explain"/> words it).</summary>
    public static async Task<string?> OfAsync(Func<Task> action, Func<ScimException, string>? explain = null)
    {
        try
        {
            await action();
            return null;
        }
        catch (ScimException e) when (e.Status < 500)
        {
            return explain?.Invoke(e) ?? e.Detail;
        }
    }
}

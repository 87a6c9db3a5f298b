using System.Net;
using System.Text.RegularExpressions;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// A person's browser against the platform's pages: it keeps cookies, does not follow redirects (tests look at them),
/// and posts forms with the antiforgery token of the page that holds them, as a browser does.
/// </summary>
public sealed partial class BrowserClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, string Html, string? Location)> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    /// <summary>Reads the page at <paramref name="formPage"/> and posts its form to <paramref name="action"/> (the same page unless given).</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Location)> SubmitAsync(string formPage, IDictionary<string, string> fields, string? action = null)
    {
        using var response = await SubmitForResponseAsync(formPage, fields, action);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    /// <summary>The same, answering the whole response (its headers, e.g. the cookies it sets).</summary>
    public async Task<HttpResponseMessage> SubmitForResponseAsync(string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var (_, html, _) = await GetAsync(formPage);
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage}.");
        return await http.PostAsync(action ?? formPage,
            new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }));
    }

    public async Task<(HttpStatusCode Status, string Html, string? Location)> PostAsync(string path, IDictionary<string, string> fields)
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    /// <summary>Signs in at a tenant's sign-in page.</summary>
    public Task<(HttpStatusCode Status, string Html, string? Location)> SignInAsync(string tenant, string login, string password) =>
        SubmitAsync($"/t/{tenant}/login", new Dictionary<string, string> { ["Login"] = login, ["Password"] = password });

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

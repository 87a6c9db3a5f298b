using System.Net;
using System.Net.Http.Json;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Pages;

/// <summary>
/// The platform's pages through the real pipeline: a group's page and what admins do there, the 403 for everyone
/// else, tenant isolation, and the headers that keep pages safe.
/// </summary>
public abstract class GroupPagesTests(ScimApiFactory factory)
{
    private const string Password = "correct horse battery";

    /// <summary>A tenant with an admin (created by the IdP with a password, made admin by the operator) and a plain user.</summary>
    private async Task<(ScimClient Scim, string AdminId, string UserId)> TenantAsync()
    {
        var scim = await factory.NewTenantAsync();
        var adminId = await scim.CreateUserAsync("ada", $$""","password":"{{Password}}","displayName":"Ada Admin" """);
        var userId = await scim.CreateUserAsync("uma", $$""","password":"{{Password}}","displayName":"Uma User","emails":[{"value":"uma@school.example","primary":true}]""");
        using var admin = factory.Operator();
        var role = await admin.PutAsJsonAsync($"/admin/v1/tenants/{scim.Tenant}/users/{adminId}/role", new { role = "admin" });
        Assert.Equal(HttpStatusCode.OK, role.StatusCode);
        return (scim, adminId, userId);
    }

    private async Task<BrowserClient> SignedInAsync(string tenant, string login)
    {
        var browser = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(tenant, login, Password)).Status);
        return browser;
    }

    [Fact]
    public async Task AGroupPage_ShowsItsId_ItsChildren_AndItsMembersWithTheirSource()
    {
        var (scim, _, userId) = await TenantAsync();
        var parent = await scim.CreateGroupAsync("Grade 5", $$"""[{"value":"{{userId}}"}]""");
        var child = await scim.CreateGroupAsync("Class 5A");
        await factory.GroupAdmin(scim.Tenant).MoveAsync(child, parent);
        using var browser = await SignedInAsync(scim.Tenant, "uma");

        var page = await browser.GetAsync($"/t/{scim.Tenant}/groups/{parent}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"value=\"{parent}\"", page.Html);
        Assert.Contains("Class 5A", page.Html);
        Assert.Contains("uma", page.Html);
        Assert.Contains("from the identity provider", page.Html);
        Assert.DoesNotContain("Settings</a>", page.Html);
        Assert.DoesNotContain("Add a member by hand", page.Html);
    }

    [Fact]
    public async Task AnAdmin_FindsAUserByEmail_AddsThemByHand_AndRemovesThemAgain_LeavingTheIdPsMembers()
    {
        var (scim, adminId, userId) = await TenantAsync();
        var group = await scim.CreateGroupAsync("Teachers", $$"""[{"value":"{{adminId}}"}]""");
        using var browser = await SignedInAsync(scim.Tenant, "ada");
        var path = $"/t/{scim.Tenant}/groups/{group}";

        var found = await browser.GetAsync($"{path}?findUser=uma%40school");
        var added = await browser.SubmitAsync($"{path}?findUser=uma%40school", new Dictionary<string, string> { ["UserId"] = userId }, $"{path}?handler=AddMember");
        var afterAdd = await factory.GroupAdmin(scim.Tenant).MembersAsync(group);
        var removed = await browser.SubmitAsync(path, new Dictionary<string, string> { ["UserId"] = userId }, $"{path}?handler=RemoveMember");
        var afterRemove = await factory.GroupAdmin(scim.Tenant).MembersAsync(group);

        Assert.Contains("Uma User", found.Html);
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal($"{path}?done=added", added.Location);
        Assert.Equal(["manual"], afterAdd[userId]);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal([adminId], afterRemove.Keys);
    }

    [Fact]
    public async Task MovingAGroupUnderItsOwnChild_IsRefusedOnThePage_AndTheTreeStaysAsItWas()
    {
        var (scim, _, _) = await TenantAsync();
        var parent = await scim.CreateGroupAsync("Grade 6");
        var child = await scim.CreateGroupAsync("Class 6B");
        await factory.GroupAdmin(scim.Tenant).MoveAsync(child, parent);
        using var browser = await SignedInAsync(scim.Tenant, "ada");
        var path = $"/t/{scim.Tenant}/groups/{parent}";

        var refused = await browser.SubmitAsync($"{path}?findParent=6B", new Dictionary<string, string> { ["ParentId"] = child }, $"{path}?handler=Move");
        var childPage = await browser.GetAsync($"/t/{scim.Tenant}/groups/{child}");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The group was not moved", refused.Html);
        Assert.Contains("Grade 6</a>", childPage.Html);
    }

    [Fact]
    public async Task APlainUser_GetsA403_ForTheSettingsPage_AndForEveryAdminAction()
    {
        var (scim, _, userId) = await TenantAsync();
        var group = await scim.CreateGroupAsync("Staff");
        using var browser = await SignedInAsync(scim.Tenant, "uma");
        var path = $"/t/{scim.Tenant}/groups/{group}";

        var settings = await browser.GetAsync($"{path}/settings/integrations/scim");
        var add = await browser.SubmitAsync(path, new Dictionary<string, string> { ["UserId"] = userId }, $"{path}?handler=AddMember");
        var token = await browser.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "okta" },
            $"/t/{scim.Tenant}/groups/{group}/settings/integrations/scim?handler=Token");

        Assert.Equal(HttpStatusCode.Forbidden, settings.Status);
        Assert.Contains("Only platform admins can open this page", settings.Html);
        Assert.Equal(HttpStatusCode.Forbidden, add.Status);
        Assert.Equal(HttpStatusCode.Forbidden, token.Status);
        Assert.DoesNotContain("scim_", token.Html);
        Assert.Empty(await factory.GroupAdmin(scim.Tenant).MembersAsync(group));
    }

    [Fact]
    public async Task AGroupThatDoesNotExist_OrAnIdThatCannotBeOne_IsA404Page()
    {
        var (scim, _, _) = await TenantAsync();
        using var browser = await SignedInAsync(scim.Tenant, "ada");

        var unknown = await browser.GetAsync($"/t/{scim.Tenant}/groups/{Guid.NewGuid()}");
        var junk = await browser.GetAsync($"/t/{scim.Tenant}/groups/..%2Fother");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("No such group", unknown.Html);
        Assert.Equal(HttpStatusCode.NotFound, junk.Status);
        Assert.Contains("No such group", junk.Html);
    }

    [Fact]
    public async Task ASessionOfAnotherTenant_OpensNoneOfThisTenantsPages()
    {
        var (mine, _, _) = await TenantAsync();
        var (theirs, _, _) = await TenantAsync();
        var group = await mine.CreateGroupAsync("Private");
        using var stranger = await SignedInAsync(theirs.Tenant, "ada");

        var groupPage = await stranger.GetAsync($"/t/{mine.Tenant}/groups/{group}");
        var settings = await stranger.GetAsync($"/t/{mine.Tenant}/groups/{group}/settings/integrations/scim");
        var move = await stranger.PostAsync($"/t/{mine.Tenant}/groups/{group}?handler=Move", new Dictionary<string, string> { ["ParentId"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, groupPage.Status);
        Assert.StartsWith($"/t/{mine.Tenant}/login", groupPage.Location);
        Assert.Equal(HttpStatusCode.Redirect, settings.Status);
        Assert.StartsWith($"/t/{mine.Tenant}/login", settings.Location);
        Assert.NotEqual(HttpStatusCode.OK, move.Status);
        Assert.DoesNotContain("Private", groupPage.Html + settings.Html + move.Html);
    }

    [Fact]
    public async Task Pages_RunOnlyThisOriginsScriptAndStyle_AndAreNotCached()
    {
        var (scim, _, _) = await TenantAsync();
        using var browser = await SignedInAsync(scim.Tenant, "ada");

        using var response = await browser.Http.GetAsync($"/t/{scim.Tenant}/");
        var html = await response.Content.ReadAsStringAsync();
        using var style = await browser.Http.GetAsync("/assets/app.css");
        using var script = await browser.Http.GetAsync("/assets/app.js");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain(" style=", html);
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task SessionCookies_AreHttpOnly_SameSite_AndSecure_WhenThePublicAddressIsHttps()
    {
        var (scim, _, _) = await TenantAsync();
        using var browser = factory.Browser();

        using var platform = await browser.SubmitForResponseAsync($"/t/{scim.Tenant}/login", new Dictionary<string, string> { ["Login"] = "ada", ["Password"] = Password });
        using var console = await browser.SubmitForResponseAsync("/operator/login", new Dictionary<string, string> { ["Key"] = ScimApiFactory.OperatorKey });

        var session = platform.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("scim.session=", StringComparison.Ordinal));
        var operatorSession = console.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("scim.operator=", StringComparison.Ordinal));
        Assert.Contains("secure", session);
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=lax", session);
        Assert.Contains("path=/t", session);
        Assert.Contains("secure", operatorSession);
        Assert.Contains("httponly", operatorSession);
        Assert.Contains("samesite=strict", operatorSession);
        Assert.Contains("path=/operator", operatorSession);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : GroupPagesTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : GroupPagesTests(factory);
}

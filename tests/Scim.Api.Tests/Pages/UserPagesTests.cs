using System.Net;
using System.Net.Http.Json;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Pages;

/// <summary>The users' pages for admins and the owner, through the real pipeline: the list, a user, roles and a fresh temporary password.</summary>
public abstract class UserPagesTests(ScimApiFactory factory)
{
    /// <summary>The owner's tenant, active, with two users the IdP created (one in a group) and a SCIM client.</summary>
    private async Task<(string Tenant, BrowserClient Owner, ScimClient Scim, string AnnId, string BenId)> TenantAsync()
    {
        var (tenant, platformGroupId, owner) = await InvitedOwners.SignedInAsync(factory);
        var path = $"/t/{tenant}/groups/{platformGroupId}/settings/integrations/scim";
        await owner.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "okta" }, $"{path}?handler=Activate");
        var scim = new ScimClient(factory.CreateClient(), tenant, await factory.IssueTokenAsync(tenant, "okta"));
        var ann = await scim.CreateUserAsync("ann", $$""","displayName":"Ann Learner","emails":[{"value":"ann@{{tenant}}.example","primary":true}]""");
        var ben = await scim.CreateUserAsync("ben", ""","active":false""");
        await scim.CreateGroupAsync("Year 9", $$"""[{"value":"{{ann}}"}]""");
        return (tenant, owner, scim, ann, ben);
    }

    [Fact]
    public async Task TheList_ShowsWhoCreatedEachUser_TheirRoleAndState_AndFindsByEmail()
    {
        var (tenant, owner, _, _, _) = await TenantAsync();
        using var _owner = owner;

        var all = await owner.GetAsync($"/t/{tenant}/users");
        var found = await owner.GetAsync($"/t/{tenant}/users?q=ann%40");
        var secondPage = await owner.GetAsync($"/t/{tenant}/users?start=2");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Contains("Users 1–3 of 3", all.Html);
        Assert.Contains("Ann Learner", all.Html);
        Assert.Contains("Inactive", all.Html);
        Assert.Contains("the platform", all.Html);
        Assert.Contains("the identity provider", all.Html);
        Assert.Contains("Owner", all.Html);
        Assert.Contains("Users 1–1 of 1", found.Html);
        Assert.Contains("Ann Learner", found.Html);
        Assert.DoesNotContain(">ben<", found.Html);
        Assert.Contains("Users 2–3 of 3", secondPage.Html);
    }

    [Fact]
    public async Task AUsersPage_ShowsTheirGroups_AndTheOwnerMakesThemAnAdmin()
    {
        var (tenant, owner, _, annId, _) = await TenantAsync();
        using var _owner = owner;
        var path = $"/t/{tenant}/users/{annId}";

        var page = await owner.GetAsync(path);
        var changed = await owner.SubmitAsync(path, new Dictionary<string, string> { ["Role"] = "admin" }, $"{path}?handler=Role");
        using var api = factory.Operator();
        var role = (await api.GetFromJsonAsync<UserView>($"/admin/v1/tenants/{tenant}/users/{annId}"))!.Role;

        Assert.Contains("Year 9", page.Html);
        Assert.Contains("ann@", page.Html);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal("admin", role);
    }

    [Fact]
    public async Task AnAdminWhoIsNotTheOwner_CannotChangeRoles_AndAPlainUserGetsA403()
    {
        var (tenant, owner, scim, annId, _) = await TenantAsync();
        using var _owner = owner;
        var adminId = await scim.CreateUserAsync("ada", $$""","password":"{{InvitedOwners.Password}}" """);
        await scim.CreateUserAsync("pia", $$""","password":"{{InvitedOwners.Password}}" """);
        using var api = factory.Operator();
        (await api.PutAsJsonAsync($"/admin/v1/tenants/{tenant}/users/{adminId}/role", new { role = "admin" })).EnsureSuccessStatusCode();
        using var admin = factory.Browser();
        await admin.SignInAsync(tenant, "ada", InvitedOwners.Password);
        using var plain = factory.Browser();
        await plain.SignInAsync(tenant, "pia", InvitedOwners.Password);
        var path = $"/t/{tenant}/users/{annId}";

        var adminPage = await admin.GetAsync(path);
        var refused = await admin.SubmitAsync(path, new Dictionary<string, string> { ["Role"] = "owner" }, $"{path}?handler=Role");
        var plainList = await plain.GetAsync($"/t/{tenant}/users");
        var role = (await api.GetFromJsonAsync<UserView>($"/admin/v1/tenants/{tenant}/users/{annId}"))!.Role;

        Assert.Equal(HttpStatusCode.OK, adminPage.Status);
        Assert.DoesNotContain("Change the role", adminPage.Html);
        Assert.Contains("Only the owner changes roles", refused.Html);
        Assert.Equal("user", role);
        Assert.Equal(HttpStatusCode.Forbidden, plainList.Status);
    }

    [Fact]
    public async Task AnAdminSendsANewTemporaryPassword_AndOnlyThatOneSignsIn()
    {
        var (tenant, owner, _, annId, _) = await TenantAsync();
        using var _owner = owner;
        var path = $"/t/{tenant}/users/{annId}";
        var address = $"ann@{tenant}.example";

        var sent = await owner.SubmitAsync(path, new Dictionary<string, string>(), $"{path}?handler=TemporaryPassword");
        var mail = await factory.Inbox.WaitForAsync(address);
        using var ann = factory.Browser();
        var signedIn = await ann.SignInAsync(tenant, "ann", TestInbox.TemporaryPasswordIn(mail));
        var page = await owner.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal($"{path}?done=mail", sent.Location);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal($"/t/{tenant}/password", signedIn.Location);
        Assert.Contains("Temporary password: sent", page.Html);
    }

    [Fact]
    public async Task AUserThatDoesNotExist_OrAnIdThatCannotBeOne_IsA404Page()
    {
        var (tenant, owner, _, _, _) = await TenantAsync();
        using var _owner = owner;

        var unknown = await owner.GetAsync($"/t/{tenant}/users/{Guid.NewGuid()}");
        var junk = await owner.GetAsync($"/t/{tenant}/users/not-an-id");
        var junkAction = await owner.SubmitAsync($"/t/{tenant}/users", new Dictionary<string, string>(), $"/t/{tenant}/users/not-an-id?handler=TemporaryPassword");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("No such user", unknown.Html);
        Assert.Equal(HttpStatusCode.NotFound, junk.Status);
        Assert.Equal(HttpStatusCode.NotFound, junkAction.Status);
    }

    private sealed record UserView(string Role);

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : UserPagesTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : UserPagesTests(factory);
}

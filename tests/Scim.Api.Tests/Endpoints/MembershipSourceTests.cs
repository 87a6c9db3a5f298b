using System.Net;
using Scim.Api.Tests.Infrastructure;
using static Scim.Api.Tests.Infrastructure.ScimMessages;

namespace Scim.Api.Tests.Endpoints;

/// <summary>
/// Every membership remembers its source (DESIGN §1): SCIM writes replace or change the SCIM-managed members only,
/// admins add and remove manual ones, SCIM reads show the SCIM-managed ones.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class MembershipSourceTests(ScimApiFactory factory)
{
    private static List<string> ScimMemberIds(ScimResponse group) =>
        group.Body!["members"]?.AsArray().Select(m => m!["value"]!.GetValue<string>()).Order().ToList() ?? [];

    [Fact]
    public async Task ScimPut_ReplacesScimMembersOnly_ManualMembersStay()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var (idpUser, adminUser, newcomer) = (await scim.CreateUserAsync("idp"), await scim.CreateUserAsync("manual"), await scim.CreateUserAsync("new"));
        var group = await scim.CreateGroupAsync("Sales", $$"""[{"value":"{{idpUser}}"}]""");
        Assert.Equal(HttpStatusCode.NoContent, await admin.AddManualMemberAsync(group, adminUser));

        var put = await scim.PutAsync($"/Groups/{group}", $$"""{"displayName":"Sales","members":[{"value":"{{newcomer}}"}]}""");

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal([newcomer], ScimMemberIds(put));
        var all = await admin.MembersAsync(group);
        Assert.Equal(["manual"], all[adminUser]);
        Assert.Equal(["scim"], all[newcomer]);
        Assert.False(all.ContainsKey(idpUser));
    }

    [Fact]
    public async Task ScimReplaceAndRemoveAllMembers_LeaveManualMembers()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var (a, b) = (await scim.CreateUserAsync("a"), await scim.CreateUserAsync("b"));
        var group = await scim.CreateGroupAsync("Ops", $$"""[{"value":"{{a}}"}]""");
        await admin.AddManualMemberAsync(group, b);

        var replaced = await scim.PatchAsync($"/Groups/{group}", Patch("""[{"op":"replace","path":"members","value":[]}]"""));
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Empty(ScimMemberIds(replaced));
        await scim.PatchAsync($"/Groups/{group}", Patch("""[{"op":"remove","path":"members"}]"""));

        Assert.Equal(new Dictionary<string, string[]> { [b] = ["manual"] }, await admin.MembersAsync(group));
    }

    [Fact]
    public async Task ScimRemove_OfAMemberFromBothSources_KeepsTheManualMembership()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("both");
        var group = await scim.CreateGroupAsync("Both", $$"""[{"value":"{{user}}"}]""");
        await admin.AddManualMemberAsync(group, user);
        Assert.Equal(["scim", "manual"], (await admin.MembersAsync(group))[user]);

        await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"remove","path":"members[value eq \"{{user}}\"]"}]"""));

        Assert.Equal(["manual"], (await admin.MembersAsync(group))[user]);
        Assert.Empty(ScimMemberIds(await scim.GetAsync($"/Groups/{group}")));
    }

    [Fact]
    public async Task ScimReadsAndFilters_ShowScimMembersOnly()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var (idpUser, adminUser) = (await scim.CreateUserAsync("idp"), await scim.CreateUserAsync("manual"));
        var group = await scim.CreateGroupAsync("Eng", $$"""[{"value":"{{idpUser}}"}]""");
        await admin.AddManualMemberAsync(group, adminUser);

        Assert.Equal([idpUser], ScimMemberIds(await scim.GetAsync($"/Groups/{group}")));
        Assert.Equal(0, (await scim.GetAsync($"/Groups?filter=members.value eq \"{adminUser}\"")).TotalResults);
        Assert.Equal(1, (await scim.GetAsync($"/Groups?filter=members.value eq \"{idpUser}\"")).TotalResults);
    }

    [Fact]
    public async Task ManualMembers_AreIdempotent_AndRemovedOnlyWhenPresent()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("m");
        var group = await scim.CreateGroupAsync("G");

        Assert.Equal(HttpStatusCode.NoContent, await admin.AddManualMemberAsync(group, user));
        Assert.Equal(HttpStatusCode.NoContent, await admin.AddManualMemberAsync(group, user));
        Assert.Equal(HttpStatusCode.NoContent, await admin.RemoveManualMemberAsync(group, user));
        Assert.Equal(HttpStatusCode.NotFound, await admin.RemoveManualMemberAsync(group, user));
        Assert.Empty(await admin.MembersAsync(group));
    }

    [Fact]
    public async Task ManualMember_UnknownUserGroupOrTenant_Is404_AGroupIs400()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("m");
        var (group, other) = (await scim.CreateGroupAsync("G"), await scim.CreateGroupAsync("H"));

        Assert.Equal(HttpStatusCode.NotFound, await admin.AddManualMemberAsync(group, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.NotFound, await admin.AddManualMemberAsync(Guid.NewGuid().ToString(), user));
        Assert.Equal(HttpStatusCode.NotFound, await factory.GroupAdmin("no-such-tenant").AddManualMemberAsync(group, user));
        Assert.Equal(HttpStatusCode.BadRequest, await admin.AddManualMemberAsync(group, other));
    }

    [Fact]
    public async Task ManualMember_OfAnotherTenantsUser_Is404()
    {
        var scim = await factory.NewTenantAsync();
        var stranger = await factory.NewTenantAsync();
        var foreignUser = await stranger.CreateUserAsync("foreign");
        var group = await scim.CreateGroupAsync("G");

        Assert.Equal(HttpStatusCode.NotFound, await factory.GroupAdmin(scim.Tenant).AddManualMemberAsync(group, foreignUser));
        Assert.Equal(HttpStatusCode.NotFound, await factory.GroupAdmin(stranger.Tenant).AddManualMemberAsync(group, foreignUser));
    }

    [Fact]
    public async Task MemberListing_PagesThroughEveryMemberInIdOrder()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var users = new List<string>();
        for (var i = 0; i < 7; i++) users.Add(await scim.CreateUserAsync($"u{i}"));
        var group = await scim.CreateGroupAsync("Paged", "[" + string.Join(',', users.Take(4).Select(u => $$"""{"value":"{{u}}"}""")) + "]");
        foreach (var user in users.Skip(3)) await admin.AddManualMemberAsync(group, user);

        var members = await admin.MembersAsync(group, pageSize: 2);

        Assert.Equal(users.Order(StringComparer.Ordinal), members.Keys);
        Assert.Equal(["scim", "manual"], members[users[3]]);
    }

    [Fact]
    public async Task DeletingAUser_RemovesItsMembershipsOfBothSources()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var (leaver, stayer) = (await scim.CreateUserAsync("leaver"), await scim.CreateUserAsync("stayer"));
        var (g1, g2) = (await scim.CreateGroupAsync("G1", $$"""[{"value":"{{leaver}}"},{"value":"{{stayer}}"}]"""), await scim.CreateGroupAsync("G2"));
        await admin.AddManualMemberAsync(g1, leaver);
        await admin.AddManualMemberAsync(g2, leaver);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Users/{leaver}")).Status);

        Assert.Equal([stayer], (await admin.MembersAsync(g1)).Keys);
        Assert.Empty(await admin.MembersAsync(g2));
        Assert.Equal([stayer], ScimMemberIds(await scim.GetAsync($"/Groups/{g1}")));
    }

    [Fact]
    public async Task DeletingAGroup_RemovesItsMemberships()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("u");
        var group = await scim.CreateGroupAsync("Doomed", $$"""[{"value":"{{user}}"}]""");
        await admin.AddManualMemberAsync(group, user);

        await scim.DeleteAsync($"/Groups/{group}");
        var again = await scim.CreateGroupAsync("Doomed");

        Assert.Empty((await scim.GetAsync($"/Users/{user}")).Body!["groups"]?.AsArray() ?? []);
        Assert.Empty(await admin.MembersAsync(again));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{group}/members")).StatusCode);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : MembershipSourceTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : MembershipSourceTests(factory);
}

using System.Net;
using Scim.Api.Tests.Infrastructure;
using static Scim.Api.Tests.Infrastructure.ScimMessages;

namespace Scim.Api.Tests.Endpoints;

/// <summary>
/// Groups form one tree per tenant under its platform group (DESIGN §1): SCIM groups land under the root, admins move
/// them, SCIM never changes the tree, deleting a group hands its children to its parent.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class GroupHierarchyTests(ScimApiFactory factory)
{
    [Fact]
    public async Task ScimCreatedGroups_LandUnderThePlatformGroup()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var root = await admin.PlatformGroupIdAsync();

        var (a, b) = (await scim.CreateGroupAsync("A"), await scim.CreateGroupAsync("B"));

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), await admin.ChildrenAsync(root));
        Assert.Equal([root, a], await admin.PathAsync(a));
        Assert.Equal([root], await admin.PathAsync(root));
    }

    [Fact]
    public async Task Move_PutsAGroupUnderAnother_AndBothViewsAgree()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var root = await admin.PlatformGroupIdAsync();
        var (company, dept, team) = (await scim.CreateGroupAsync("Company"), await scim.CreateGroupAsync("Dept"), await scim.CreateGroupAsync("Team"));

        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(dept, company)).StatusCode);
        var moved = await admin.MoveAsync(team, dept);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains(dept, await moved.Content.ReadAsStringAsync());
        Assert.Equal([root, company, dept, team], await admin.PathAsync(team));
        Assert.Equal([company], await admin.ChildrenAsync(root));
        Assert.Equal([dept], await admin.ChildrenAsync(company));
        Assert.Equal([team], await admin.ChildrenAsync(dept));
        Assert.Empty(await admin.ChildrenAsync(team));
    }

    [Fact]
    public async Task Move_BackUnderThePlatformGroup_ByItsIdOrByNoParent()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var root = await admin.PlatformGroupIdAsync();
        var (a, b) = (await scim.CreateGroupAsync("A"), await scim.CreateGroupAsync("B"));
        await admin.MoveAsync(b, a);

        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(b, root)).StatusCode);
        Assert.Equal([root, b], await admin.PathAsync(b));
        await admin.MoveAsync(b, a);
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(b, null)).StatusCode);
        Assert.Equal([root, b], await admin.PathAsync(b));
    }

    /// <summary>Decided by <c>Rules/HierarchyCycles</c> in memory; on PostgreSQL by the guard <c>scim_hierarchy_cycles_would_close</c>.</summary>
    [Fact]
    public async Task Move_UnderItselfOrADescendant_Is409_AndChangesNothing()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var root = await admin.PlatformGroupIdAsync();
        var (a, b, c) = (await scim.CreateGroupAsync("A"), await scim.CreateGroupAsync("B"), await scim.CreateGroupAsync("C"));
        await admin.MoveAsync(b, a);
        await admin.MoveAsync(c, b);

        Assert.Equal(HttpStatusCode.Conflict, (await admin.MoveAsync(a, c)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.MoveAsync(a, a)).StatusCode);
        Assert.Equal([root, a, b, c], await admin.PathAsync(c));
    }

    [Fact]
    public async Task Move_UnknownGroupOrParent_Is404_ThePlatformGroupCannotMove()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var root = await admin.PlatformGroupIdAsync();
        var a = await scim.CreateGroupAsync("A");
        var user = await scim.CreateUserAsync("not-a-group");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.MoveAsync(a, Guid.NewGuid().ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.MoveAsync(a, user)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.MoveAsync(Guid.NewGuid().ToString(), a)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.MoveAsync(root, a)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{Guid.NewGuid()}/children")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{Guid.NewGuid()}/path")).StatusCode);
    }

    [Fact]
    public async Task Move_IntoAnotherTenantsGroup_Is404()
    {
        var scim = await factory.NewTenantAsync();
        var stranger = await factory.NewTenantAsync();
        var (mine, theirs) = (await scim.CreateGroupAsync("Mine"), await stranger.CreateGroupAsync("Theirs"));

        Assert.Equal(HttpStatusCode.NotFound, (await factory.GroupAdmin(scim.Tenant).MoveAsync(mine, theirs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.GroupAdmin(stranger.Tenant).MoveAsync(mine, theirs)).StatusCode);
    }

    [Fact]
    public async Task ScimPutPatchAndRename_NeverChangeTheHierarchy()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var root = await admin.PlatformGroupIdAsync();
        var (parent, child) = (await scim.CreateGroupAsync("Parent"), await scim.CreateGroupAsync("Child"));
        await admin.MoveAsync(child, parent);

        await scim.PutAsync($"/Groups/{child}", """{"displayName":"Child renamed","members":[]}""");
        await scim.PatchAsync($"/Groups/{parent}", Patch("""[{"op":"replace","value":{"displayName":"Parent renamed"}}]"""));
        await scim.PatchAsync($"/Groups/{child}", Patch("""[{"op":"replace","path":"members","value":[]}]"""));

        Assert.Equal([root, parent, child], await admin.PathAsync(child));
        Assert.Contains("Parent renamed", await (await admin.GetAsync($"/{child}/path")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeletingAGroup_MovesItsChildrenToItsParent()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var root = await admin.PlatformGroupIdAsync();
        var (top, middle, leaf1, leaf2) = (await scim.CreateGroupAsync("Top"), await scim.CreateGroupAsync("Middle"),
            await scim.CreateGroupAsync("Leaf1"), await scim.CreateGroupAsync("Leaf2"));
        await admin.MoveAsync(middle, top);
        await admin.MoveAsync(leaf1, middle);
        await admin.MoveAsync(leaf2, middle);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Groups/{middle}")).Status);

        Assert.Equal(new[] { leaf1, leaf2 }.Order(StringComparer.Ordinal), await admin.ChildrenAsync(top));
        Assert.Equal([root, top, leaf1], await admin.PathAsync(leaf1));
        await scim.DeleteAsync($"/Groups/{top}");
        Assert.Equal([root, leaf2], await admin.PathAsync(leaf2));
    }

    [Fact]
    public async Task Children_ArePagedInIdOrder()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var root = await admin.PlatformGroupIdAsync();
        var groups = new List<string>();
        for (var i = 0; i < 5; i++) groups.Add(await scim.CreateGroupAsync($"G{i}"));

        Assert.Equal(groups.Order(StringComparer.Ordinal), await admin.ChildrenAsync(root, pageSize: 2));
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : GroupHierarchyTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : GroupHierarchyTests(factory);
}

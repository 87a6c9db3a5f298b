using System.Net;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Concurrency;

/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class ConcurrencyTests(ScimApiFactory factory)
{
    /// <summary><c>Rules/UniqueNames</c> under a race: the in-memory store's lock, or PostgreSQL's unique index <c>ux_scim_users_user_name</c>.</summary>
    [Fact]
    public async Task TwentyClientsPostingOneUserName_ExactlyOneWins()
    {
        var scim = await factory.NewTenantAsync();
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            return await scim.PostAsync("/Users", $$"""{"userName":"{{(i % 2 == 0 ? "Race@Example.com" : "race@example.COM")}}"}""");
        }).ToList();

        start.Release(20);
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Status == HttpStatusCode.Created);
        Assert.All(results.Where(r => r.Status != HttpStatusCode.Created), r => r.AssertError(HttpStatusCode.Conflict, "uniqueness"));
        Assert.Equal(1, (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"race@example.com\""))).TotalResults);
    }

    /// <summary>Creates arriving together (an IdP's first sync), which PostgreSQL commits together: each is stored whole, as posted.</summary>
    [Fact]
    public async Task FortyClientsPostingDistinctUsers_EachIsCreated_AndFoundWithWhatItSent()
    {
        var scim = await factory.NewTenantAsync();
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 40).Select(async i =>
        {
            await start.WaitAsync();
            return await scim.PostAsync("/Users", $$"""{"userName":"burst{{i}}@example.com","externalId":"ext-{{i}}","displayName":"Burst {{i}}"}""");
        }).ToList();

        start.Release(40);
        var created = await Task.WhenAll(posts);

        Assert.All(created, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        for (var i = 0; i < created.Length; i++)
        {
            var found = Assert.Single((await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"externalId eq \"ext-{i}\""))).Resources)!;
            Assert.Equal((created[i].Id, $"burst{i}@example.com", $"Burst {i}"),
                (found["id"]!.GetValue<string>(), found["userName"]!.GetValue<string>(), found["displayName"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task ThirtyTwoRePostsReactivatingOneDeactivatedUser_ExactlyOneWins()
    {
        var scim = await factory.NewTenantAsync("okta");
        const string body = """{"userName":"again@atko.com","externalId":"00u-again","active":true}""";
        var id = (await scim.PostAsync("/Users", body)).Id;
        await scim.PatchAsync($"/Users/{id}", ScimMessages.Patch("""[{"op":"replace","value":{"active":false}}]"""));
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 32).Select(async _ =>
        {
            await start.WaitAsync();
            return await scim.PostAsync("/Users", body);
        }).ToList();

        start.Release(32);
        var results = await Task.WhenAll(attempts);

        Assert.Equal(id, Assert.Single(results, r => r.Status == HttpStatusCode.Created).Id);
        Assert.All(results.Where(r => r.Status != HttpStatusCode.Created), r => r.AssertError(HttpStatusCode.Conflict, "uniqueness"));
        var user = await scim.GetAsync($"/Users/{id}");
        Assert.True(user.Body!["active"]!.GetValue<bool>());
        Assert.Equal("W/\"3\"", user.Body["meta"]!["version"]!.GetValue<string>());
    }

    /// <summary>
    /// Entra's cycle on many users at once (look up, then PATCH), whose lookups, first reads and updates PostgreSQL sends
    /// together: each PATCH lands on its own user, and a name two of them race for goes to exactly one.
    /// </summary>
    [Fact]
    public async Task FortyClientsLookingUpAndPatchingDistinctUsers_EachLandOnTheirOwnUser_AndARacedNameGoesToOne()
    {
        var scim = await factory.NewTenantAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => scim.CreateUserAsync($"cycle{i}@example.com")));
        using var lookUp = new SemaphoreSlim(0);
        using var patch = new SemaphoreSlim(0);
        var cycles = Enumerable.Range(0, 40).Select(async i =>
        {
            await lookUp.WaitAsync();
            var found = Assert.Single((await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"cycle{i}@example.com\""))).Resources)!;
            // The PATCHes go together, the last two racing for one new name.
            await patch.WaitAsync();
            var name = i >= 38 ? "raced@example.com" : $"renamed{i}@example.com";
            return await scim.PatchAsync($"/Users/{found["id"]!.GetValue<string>()}",
                ScimMessages.Patch($$$"""[{"op":"replace","value":{"userName":"{{{name}}}","displayName":"Cycle {{{i}}}"}}]"""));
        }).ToList();

        lookUp.Release(40);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        patch.Release(40);
        var patched = await Task.WhenAll(cycles);

        Assert.All(patched.Take(38), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(patched.Skip(38), r => r.Status == HttpStatusCode.OK);
        Assert.Single(patched.Skip(38), r => r.Status == HttpStatusCode.Conflict).AssertError(HttpStatusCode.Conflict, "uniqueness");
        // Found by a lookup, each user as the store holds it: its row's columns and its document belong together.
        for (var i = 0; i < 38; i++)
        {
            var user = Assert.Single((await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"renamed{i}@example.com\""))).Resources)!;
            Assert.Equal((ids[i], $"renamed{i}@example.com", $"Cycle {i}"),
                (user["id"]!.GetValue<string>(), user["userName"]!.GetValue<string>(), user["displayName"]!.GetValue<string>()));
        }
        var raced = Assert.Single((await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"raced@example.com\""))).Resources)!;
        Assert.Contains(raced["id"]!.GetValue<string>(), ids.Skip(38));
    }

    [Fact]
    public async Task FiftyConcurrentSingleMemberAdds_LoseNone()
    {
        var scim = await factory.NewTenantAsync();
        var group = await scim.CreateGroupAsync("Crowd");
        var users = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => scim.CreateUserAsync($"crowd-{i}")));

        var results = await Task.WhenAll(users.Select(user => scim.PatchAsync($"/Groups/{group}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{user}}"}]}]}
            """)));
        var members = (await scim.GetAsync($"/Groups/{group}")).Body!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>());

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(users.Order(), members.Order());
    }

    [Fact]
    public async Task EightyConcurrentEntraMemberAddsAndRemoves_CommittedTogether_LoseNone()
    {
        // Entra's PATCHes are answered 204, so the group queues them and commits them together.
        var scim = await factory.NewTenantAsync("entra");
        var group = await scim.CreateGroupAsync("Crowd");
        var users = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => scim.CreateUserAsync($"crowd-{i}")));
        var leaving = users.Take(20).ToHashSet();
        foreach (var user in leaving) await scim.PatchAsync($"/Groups/{group}", MemberPatch("add", user));

        var results = await Task.WhenAll(users.Select(user => scim.PatchAsync($"/Groups/{group}", MemberPatch(leaving.Contains(user) ? "remove" : "add", user))));
        var read = await scim.GetAsync($"/Groups/{group}");
        var members = read.Body!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>());

        Assert.All(results, r => Assert.Equal(HttpStatusCode.NoContent, r.Status));
        Assert.Equal(users.Except(leaving).Order(), members.Order());
        // Every change counted, as if each had been written alone: created as 1, then 20 + 80 changes.
        Assert.Equal("W/\"101\"", read.Body!["meta"]!["version"]!.GetValue<string>());
    }

    private static string MemberPatch(string op, string user) => op == "add"
        ? $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{user}}"}]}]}"""
        : $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{user}}\"]"}]}""";

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : ConcurrencyTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : ConcurrencyTests(factory);
}

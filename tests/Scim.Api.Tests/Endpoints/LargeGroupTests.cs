using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;
using static Scim.Api.Tests.Infrastructure.ScimMessages;

namespace Scim.Api.Tests.Endpoints;

/// <summary>
/// A group larger than one chunk of members (1,000) is written in chunks read one after the other from its grain: every
/// response shape that shows members must still show all of them, once each, in order, as valid JSON.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class LargeGroupTests(ScimApiFactory factory)
{
    private const int Size = 2_500;
    private static readonly List<string> MemberIds = Enumerable.Range(1, Size).Select(i => $"m{i:D5}").ToList();

    private static List<string> Values(JsonNode resource) =>
        resource["members"]?.AsArray().Select(m => m!["value"]!.GetValue<string>()).ToList() ?? [];

    private static async Task<string> CreateLargeGroupAsync(ScimClient scim, string name)
    {
        var group = await scim.CreateGroupAsync(name);
        foreach (var chunk in MemberIds.Chunk(1000))
        {
            var values = string.Join(',', chunk.Select(id => $$"""{"value":"{{id}}"}"""));
            var added = await scim.PatchAsync($"/Groups/{group}?excludedAttributes=members", Patch($$"""[{"op":"add","path":"members","value":[{{values}}]}]"""));
            Assert.Equal(HttpStatusCode.OK, added.Status);
        }
        return group;
    }

    [Fact]
    public async Task Get_ShowsEveryMemberOnceInOrder()
    {
        var scim = await factory.NewTenantAsync();
        var group = await CreateLargeGroupAsync(scim, "Équipe ünïcode 日本");

        var read = await scim.GetAsync($"/Groups/{group}");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(MemberIds, Values(read.Body!));
        var last = read.Body!["members"]![Size - 1]!;
        Assert.Equal("User", last["type"]!.GetValue<string>());
        Assert.EndsWith($"/Users/{MemberIds[^1]}", last["$ref"]!.GetValue<string>());
        Assert.Equal("Group", read.Body["meta"]!["resourceType"]!.GetValue<string>());
        Assert.Equal(group, read.Id);
    }

    [Fact]
    public async Task List_ShowsEveryMemberOfEachGroup()
    {
        var scim = await factory.NewTenantAsync();
        var large = await CreateLargeGroupAsync(scim, "Large");
        await scim.CreateGroupAsync("Small", """[{"value":"s1"}]""");
        await CreateLargeGroupAsync(scim, "Large too");

        var list = await scim.GetAsync("/Groups?sortBy=displayName");

        Assert.Equal(["Large", "Large too", "Small"], list.Resources.Select(r => r!["displayName"]!.GetValue<string>()));
        Assert.Equal(MemberIds, Values(list.Resources[0]!));
        Assert.Equal(MemberIds, Values(list.Resources[1]!));
        Assert.Equal(["s1"], Values(list.Resources[2]!));
        Assert.Equal(large, list.Resources[0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Projections_ApplyToEveryChunk()
    {
        var scim = await factory.NewTenantAsync();
        var group = await CreateLargeGroupAsync(scim, "Projected");

        var valuesOnly = (await scim.GetAsync($"/Groups/{group}?attributes=members.value")).Body!;
        Assert.Equal(MemberIds, Values(valuesOnly));
        Assert.All(valuesOnly["members"]!.AsArray(), m => Assert.Single(m!.AsObject()));
        Assert.Null(valuesOnly["displayName"]);

        var filtered = (await scim.GetAsync($"/Groups/{group}?attributes={Uri.EscapeDataString("members[value eq \"m02400\"]")}")).Body!;
        Assert.Equal(["m02400"], Values(filtered));

        var excluded = (await scim.GetAsync($"/Groups/{group}?excludedAttributes=members")).Body!;
        Assert.Null(excluded["members"]);
        Assert.Equal("Projected", excluded["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchAndPutAnswers_ShowEveryMember()
    {
        var scim = await factory.NewTenantAsync();
        var group = await CreateLargeGroupAsync(scim, "Patched");

        var patched = await scim.PatchAsync($"/Groups/{group}", Patch("""[{"op":"add","path":"members","value":[{"value":"z-last"}]}]"""));
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal([.. MemberIds, "z-last"], Values(patched.Body!));

        var all = string.Join(',', MemberIds.Take(1500).Select(id => $$"""{"value":"{{id}}"}"""));
        var put = await scim.PutAsync($"/Groups/{group}", $$"""{"displayName":"Patched","members":[{{all}}]}""");
        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(MemberIds.Take(1500), Values(put.Body!));
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : LargeGroupTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : LargeGroupTests(factory);
}

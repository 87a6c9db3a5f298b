using System.Net;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <summary>RFC 9865 cursor pagination of lists.</summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class CursorPaginationTests(ScimApiFactory factory)
{
    private static string? NextCursor(ScimResponse page) => page.Body!["nextCursor"]?.GetValue<string>();

    private static IEnumerable<string> Ids(ScimResponse page) => page.Resources.Select(r => r!["id"]!.GetValue<string>());

    private static async Task<List<ScimResponse>> WalkAsync(ScimClient scim, string query)
    {
        var pages = new List<ScimResponse>();
        string? cursor = "";
        while (cursor is not null && pages.Count < 20)
        {
            var page = await scim.GetAsync($"/Users?{query}&cursor={Uri.EscapeDataString(cursor)}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages.Add(page);
            cursor = NextCursor(page);
        }
        return pages;
    }

    [Fact]
    public async Task EmptyCursor_StartsCursorPaging_AndNextCursorWalksEveryResourceOnceInCreationOrder()
    {
        var scim = await factory.NewTenantAsync();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++) ids.Add(await scim.CreateUserAsync($"cursor-{i}"));

        var pages = await WalkAsync(scim, "count=3");

        Assert.Equal([3, 3, 1], pages.Select(p => p.Resources.Count));
        Assert.Equal(ids, pages.SelectMany(Ids));
        Assert.All(pages, p => Assert.Equal(7, p.TotalResults));
        Assert.All(pages, p => Assert.Null(p.Body!["startIndex"]));
        Assert.Null(NextCursor(pages[^1]));
    }

    [Fact]
    public async Task CursorPages_StayExactWhileResourcesAreAddedAndDeleted()
    {
        var scim = await factory.NewTenantAsync();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++) ids.Add(await scim.CreateUserAsync($"moving-{i}"));
        var first = await scim.GetAsync("/Users?count=3&cursor=");

        await scim.DeleteAsync($"/Users/{ids[0]}");
        var added = await scim.CreateUserAsync("moving-late");
        var second = await scim.GetAsync($"/Users?count=10&cursor={Uri.EscapeDataString(NextCursor(first)!)}");

        Assert.Equal(ids[..3], Ids(first));
        Assert.Equal([.. ids[3..], added], Ids(second));
    }

    [Fact]
    public async Task CursorWithFilter_ContinuesTheFilteredList_AndRefusesAnotherFilter()
    {
        var scim = await factory.NewTenantAsync();
        foreach (var name in new[] { "f-a", "x-1", "f-b", "f-c", "x-2" }) await scim.CreateUserAsync(name);
        var filter = Uri.EscapeDataString("userName sw \"f-\"");

        var pages = await WalkAsync(scim, $"count=2&filter={filter}");
        var reused = await scim.GetAsync($"/Users?count=2&cursor={Uri.EscapeDataString(NextCursor(pages[0])!)}");

        Assert.Equal(["f-a", "f-b", "f-c"], pages.SelectMany(p => p.Resources.Select(r => r!["userName"]!.GetValue<string>())));
        reused.AssertError(HttpStatusCode.BadRequest, "invalidCursor");
    }

    [Theory]
    [InlineData("/Users?cursor=not-a-cursor", "invalidCursor")]
    [InlineData("/Users?cursor=AAAAAAAAAAEAAAAAAAAAAA", "invalidCursor")]
    [InlineData("/Users?cursor=&sortBy=userName", "invalidValue")]
    public async Task BadCursorRequests_Return400(string path, string scimType)
    {
        var scim = await factory.NewTenantAsync();

        (await scim.GetAsync(path)).AssertError(HttpStatusCode.BadRequest, scimType);
    }

    [Fact]
    public async Task SearchWithCursor_PagesLikeGet()
    {
        var scim = await factory.NewTenantAsync();
        for (var i = 0; i < 3; i++) await scim.CreateUserAsync($"search-cursor-{i}");

        var first = await scim.PostAsync("/Users/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"cursor":"","count":2}""");
        var second = await scim.PostAsync("/Users/.search", $$"""{"cursor":"{{NextCursor(first)}}","count":2}""");
        var root = await scim.PostAsync("/.search", """{"cursor":""}""");

        Assert.Equal(2, first.Resources.Count);
        Assert.Single(second.Resources);
        Assert.Null(NextCursor(second));
        root.AssertError(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task ServiceProviderConfig_AdvertisesCursorAndIndexPagination()
    {
        var scim = await factory.NewTenantAsync();

        var pagination = (await scim.GetAsync("/ServiceProviderConfig")).Body!["pagination"]!;

        Assert.True(pagination["cursor"]!.GetValue<bool>());
        Assert.True(pagination["index"]!.GetValue<bool>());
        Assert.Equal("index", pagination["defaultPaginationMethod"]!.GetValue<string>());
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : CursorPaginationTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : CursorPaginationTests(factory);
}

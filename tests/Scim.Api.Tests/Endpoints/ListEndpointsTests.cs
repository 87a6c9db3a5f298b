using System.Net;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class ListEndpointsTests(ScimApiFactory factory)
{
    private static string Q(string filter) => "?filter=" + Uri.EscapeDataString(filter);

    [Fact]
    public async Task List_NoMatch_Returns200WithEmptyListResponse()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.GetAsync("/Users" + Q($"userName eq \"{Guid.NewGuid()}\""));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", response.Body!["schemas"]![0]!.GetValue<string>());
        Assert.Equal(0, response.TotalResults);
        Assert.Empty(response.Resources);
        Assert.Equal(1, response.Body["startIndex"]!.GetValue<int>());
        Assert.Equal(0, response.Body["itemsPerPage"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(5, 3)]
    public async Task AnIndexedEqualityMatchingMoreThanAPage_CountsEveryMatch(int count, int matches)
    {
        // An equality on an indexed attribute is read without its count when its rows fit in the page: a full page is
        // counted as well.
        var scim = await factory.NewTenantAsync();
        for (var i = 0; i < matches; i++) await scim.CreateUserAsync($"same-{i}", ",\"externalId\":\"shared\"");
        await scim.CreateUserAsync("other", ",\"externalId\":\"another\"");

        var response = await scim.GetAsync($"/Users{Q("externalId eq \"shared\"")}&count={count}");

        Assert.Equal(matches, response.TotalResults);
        Assert.Equal(Math.Min(count, matches), response.Resources.Count);
    }

    [Theory]
    [InlineData("userName eq \"ALICE@EXAMPLE.COM\"", 1)]
    [InlineData("userName sw \"a\"", 1)]
    [InlineData("userName ew \".com\"", 3)]
    [InlineData("userName co \"b\"", 1)]
    [InlineData("userName ne \"alice@example.com\"", 2)]
    [InlineData("externalId eq \"EXT-A\"", 0)]
    [InlineData("externalId eq \"ext-a\"", 1)]
    [InlineData("title pr", 2)]
    [InlineData("not (title pr)", 1)]
    [InlineData("active eq false", 1)]
    [InlineData("active eq \"True\"", 2)]
    [InlineData("name.familyName eq \"smith\" and (emails.value co \"@work\" or emails.value co \"@home\")", 2)]
    [InlineData("emails[type eq \"work\" and value sw \"bob\"]", 1)]
    [InlineData("emails[type eq \"work\"].value eq \"carol@work.org\"", 1)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Sales\"", 1)]
    [InlineData("meta.created gt 2015-10-10T14:38:21.8617979-07:00", 3)]
    [InlineData("meta.created lt \"2015-10-10T00:00:00Z\"", 0)]
    [InlineData("userName eq bob@example.com", 1)]
    public async Task List_Filter_ReturnsTheMatchingUsers(string filter, int expected)
    {
        var scim = await factory.NewTenantAsync();
        await scim.CreateUserAsync("alice@example.com", ""","externalId":"ext-a","title":"CEO","name":{"familyName":"Smith"},"emails":[{"value":"alice@home.net","type":"home"}],"active":true""");
        await scim.CreateUserAsync("bob@example.com", ""","title":"CTO","name":{"familyName":"Smith"},"emails":[{"value":"bob@work.org","type":"work"}],"active":"False","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales"}""");
        await scim.CreateUserAsync("carol@example.com", ""","name":{"familyName":"Jones"},"emails":[{"value":"carol@work.org","type":"work","primary":true}],"active":true""");

        var response = await scim.GetAsync("/Users" + Q(filter));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.TotalResults);
    }

    [Theory]
    [InlineData("nosuch eq \"x\"")]
    [InlineData("userName eq")]
    [InlineData("userName zz \"x\"")]
    [InlineData("(userName eq \"x\"")]
    [InlineData("active gt true")]
    [InlineData("meta.created eq \"not-a-date\"")]
    [InlineData("password eq \"x\"")]
    [InlineData("name eq \"x\"")]
    public async Task List_BadFilter_Returns400InvalidFilter(string filter)
    {
        var scim = await factory.NewTenantAsync();

        (await scim.GetAsync("/Users" + Q(filter))).AssertError(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task List_FilterOverTheLengthLimit_Returns400InvalidFilter()
    {
        var scim = await factory.NewTenantAsync();
        var filter = string.Join(" or ", Enumerable.Repeat("userName eq \"abcdefghij\"", 200));

        (await scim.GetAsync("/Users" + Q(filter))).AssertError(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task List_StartIndexAndCount_PageInCreationOrder()
    {
        var scim = await factory.NewTenantAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await scim.CreateUserAsync($"page-{i}"));

        var page = await scim.GetAsync("/Users?startIndex=2&count=2");
        var countOnly = await scim.GetAsync("/Users?count=0");
        var beyond = await scim.GetAsync("/Users?startIndex=10&count=2");

        Assert.Equal(5, page.TotalResults);
        Assert.Equal(2, page.Body!["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(2, page.Body["startIndex"]!.GetValue<int>());
        Assert.Equal([ids[1], ids[2]], page.Resources.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(5, countOnly.TotalResults);
        Assert.Empty(countOnly.Resources);
        Assert.Empty(beyond.Resources);
    }

    [Theory]
    [InlineData("userName", null, "amy,Bob,carl,Dora")]
    [InlineData("userName", "descending", "Dora,carl,Bob,amy")]
    [InlineData("name.familyName", "ascending", "carl,Bob,amy,Dora")]
    [InlineData("name.familyName", "descending", "Dora,amy,Bob,carl")]
    [InlineData("emails", null, "Dora,Bob,carl,amy")]
    [InlineData("emails.type", null, "amy,carl,Bob,Dora")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", null, "carl,amy,Bob,Dora")]
    [InlineData("meta.created", "descending", "Dora,carl,Bob,amy")]
    public async Task List_SortBy_OrdersByTheAttribute_MissingValuesLastAscendingFirstDescending(string sortBy, string? sortOrder, string expected)
    {
        var scim = await factory.NewTenantAsync();
        const string enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        await scim.CreateUserAsync("amy", $$""","name":{"familyName":"Smith"},"emails":[{"value":"z@x.org","type":"home"}],"active":false,"{{enterprise}}":{"employeeNumber":"20"}""");
        await scim.CreateUserAsync("Bob", $$""","name":{"familyName":"johnson"},"emails":[{"value":"a@x.org","type":"work"},{"value":"m@x.org","type":"work","primary":true}],"active":true,"{{enterprise}}":{"employeeNumber":"3"}""");
        await scim.CreateUserAsync("carl", $$""","name":{"familyName":"Brown"},"emails":[{"value":"n@x.org","type":"other"}],"active":true,"{{enterprise}}":{"employeeNumber":"100"}""");
        await scim.CreateUserAsync("Dora", ""","emails":[{"value":"b@x.org"}]""");

        var query = $"/Users?sortBy={Uri.EscapeDataString(sortBy)}" + (sortOrder is null ? "" : $"&sortOrder={sortOrder}");
        var response = await scim.GetAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected.Split(','), response.Resources.Select(r => r!["userName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_SortByWithFilterAndPaging_PagesTheSortedMatches()
    {
        var scim = await factory.NewTenantAsync();
        foreach (var name in new[] { "k-3", "k-1", "x-9", "k-2", "k-0" }) await scim.CreateUserAsync(name);

        var page = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName sw \"k-\"") + "&sortBy=userName&sortOrder=descending&startIndex=2&count=2");

        Assert.Equal(4, page.TotalResults);
        Assert.Equal(["k-2", "k-1"], page.Resources.Select(r => r!["userName"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("sortBy=nosuch")]
    [InlineData("sortBy=name")]
    [InlineData("sortBy=password")]
    [InlineData("sortBy=userName&sortOrder=upwards")]
    public async Task List_BadSort_Returns400InvalidValue(string query)
    {
        var scim = await factory.NewTenantAsync();

        (await scim.GetAsync("/Users?" + query)).AssertError(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task ServiceProviderConfig_AdvertisesSort()
    {
        var scim = await factory.NewTenantAsync();

        var config = await scim.GetAsync("/ServiceProviderConfig");

        Assert.True(config.Body!["sort"]!["supported"]!.GetValue<bool>());
    }

    [Fact]
    public async Task List_NonIntegerCount_Returns400()
    {
        var scim = await factory.NewTenantAsync();

        (await scim.GetAsync("/Users?count=ten")).AssertError(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task List_AttributesParameter_ProjectsEachResource()
    {
        var scim = await factory.NewTenantAsync();
        await scim.CreateUserAsync("proj", ""","title":"T","emails":[{"value":"w@x","type":"work"},{"value":"h@x","type":"home"}]""");

        var response = await scim.GetAsync("/Users?attributes=" + Uri.EscapeDataString("emails[type eq \"work\"]"));
        var user = response.Resources[0]!;

        Assert.NotNull(user["id"]);
        Assert.Null(user["title"]);
        Assert.Null(user["userName"]);
        Assert.Equal("w@x", Assert.Single(user["emails"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_ExcludedAttributes_DropsThemButNeverTheId()
    {
        var scim = await factory.NewTenantAsync();
        await scim.CreateUserAsync("excl", ""","title":"T","name":{"givenName":"G","familyName":"F"}""");

        var user = (await scim.GetAsync("/Users?excludedAttributes=title,name.givenName,id")).Resources[0]!;

        Assert.NotNull(user["id"]);
        Assert.Null(user["title"]);
        Assert.Null(user["name"]!["givenName"]);
        Assert.Equal("F", user["name"]!["familyName"]!.GetValue<string>());
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : ListEndpointsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : ListEndpointsTests(factory);
}

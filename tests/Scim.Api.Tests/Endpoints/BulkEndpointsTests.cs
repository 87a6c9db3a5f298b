using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <summary>POST /Bulk (RFC 7644 §3.7).</summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class BulkEndpointsTests(ScimApiFactory factory)
{
    private const string Schemas = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]";
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private const string GroupSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";

    private static JsonArray Operations(ScimResponse response) => response.Body!["Operations"]!.AsArray();

    private static string Status(JsonNode? operation) => operation!["status"]!.GetValue<string>();

    private static string IdOf(JsonNode? operation) => operation!["location"]!.GetValue<string>().Split('/')[^1];

    [Fact]
    public async Task GroupReferringToAUserCreatedLaterInTheSameRequest_GetsThatUserAsMember()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Bulk", $$"""
            { {{Schemas}}, "Operations": [
              { "method": "POST", "path": "/Groups", "bulkId": "team",
                "data": { {{GroupSchema}}, "displayName": "Bulk team", "members": [ { "value": "bulkId:alice" } ] } },
              { "method": "POST", "path": "/Users", "bulkId": "alice", "data": { {{UserSchema}}, "userName": "bulk.alice" } } ] }
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:BulkResponse", response.Body!["schemas"]![0]!.GetValue<string>());
        var operations = Operations(response);
        Assert.Equal(["201", "201"], operations.Select(Status));
        Assert.Equal(["team", "alice"], operations.Select(o => o!["bulkId"]!.GetValue<string>()));
        Assert.Equal("W/\"1\"", operations[1]!["version"]!.GetValue<string>());
        var group = await scim.GetAsync($"/Groups/{IdOf(operations[0])}");
        Assert.Equal(IdOf(operations[1]), group.Body!["members"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOperationWhoseInputNoStoreAccepts_FailsAlone_AndTheOthersKeepTheirResults()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Bulk", $$"""
            { {{Schemas}}, "Operations": [
              { "method": "POST", "path": "/Users", "bulkId": "first", "data": { {{UserSchema}}, "userName": "bulk.first" } },
              { "method": "POST", "path": "/Users", "bulkId": "long", "data": { {{UserSchema}}, "userName": "{{new string('l', 3000)}}" } },
              { "method": "POST", "path": "/Groups", "bulkId": "team", "data": { {{GroupSchema}}, "displayName": "Bulk long team",
                "members": [ { "value": "bulkId:first" }, { "value": "{{new string('m', 900)}}" } ] } },
              { "method": "POST", "path": "/Users", "bulkId": "last", "data": { {{UserSchema}}, "userName": "bulk.last" } } ] }
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["201", "400", "400", "201"], Operations(response).Select(Status));
        Assert.Equal("invalidValue", Operations(response)[1]!["response"]!["scimType"]!.GetValue<string>());
        Assert.Equal(2, (await scim.GetAsync("/Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task FreeTextMentioningABulkId_IsStoredAsSent_OnlyWholeReferencesResolve()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Bulk", $$"""
            { {{Schemas}}, "Operations": [
              { "method": "POST", "path": "/Users", "bulkId": "alpha", "data": { {{UserSchema}}, "userName": "bulk.alpha" } },
              { "method": "POST", "path": "/Users", "bulkId": "mover",
                "data": { {{UserSchema}}, "userName": "bulk.mover", "title": "Moved from bulkId:alpha team", "nickName": "bulkId:alpha" } },
              { "method": "PATCH", "path": "/Users/bulkId:mover",
                "data": { "Operations": [ { "op": "replace", "path": "displayName", "value": "see bulkId:alpha" } ] } } ] }
            """);

        Assert.Equal(["201", "201", "200"], Operations(response).Select(Status));
        var mover = await scim.GetAsync($"/Users/{IdOf(Operations(response)[1])}");
        Assert.Equal("Moved from bulkId:alpha team", mover.Body!["title"]!.GetValue<string>());
        Assert.Equal(IdOf(Operations(response)[0]), mover.Body["nickName"]!.GetValue<string>());
        Assert.Equal("see bulkId:alpha", mover.Body["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutPatchAndDelete_RunWithTheirVersions_AndAStaleVersionFailsOnlyItsOperation()
    {
        var scim = await factory.NewTenantAsync();
        var user = await scim.CreateUserAsync("bulk.bob");
        var other = await scim.CreateUserAsync("bulk.carol");

        var response = await scim.PostAsync("/Bulk", $$"""
            { {{Schemas}}, "Operations": [
              { "method": "PATCH", "path": "/Users/{{user}}", "version": "W/\"1\"",
                "data": { "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [ { "op": "replace", "path": "title", "value": "Lead" } ] } },
              { "method": "PUT", "path": "/Users/{{user}}", "version": "W/\"1\"", "data": { {{UserSchema}}, "userName": "bulk.bob" } },
              { "method": "DELETE", "path": "/Users/{{other}}" } ] }
            """);

        Assert.Equal(["200", "412", "204"], Operations(response).Select(Status));
        Assert.Equal("W/\"2\"", Operations(response)[0]!["version"]!.GetValue<string>());
        Assert.Equal("Lead", (await scim.GetAsync($"/Users/{user}")).Body!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync($"/Users/{other}")).Status);
    }

    [Fact]
    public async Task FailOnErrors_StopsAfterThatManyErrors()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Bulk", $$"""
            { {{Schemas}}, "failOnErrors": 1, "Operations": [
              { "method": "POST", "path": "/Users", "bulkId": "a", "data": { "userName": "bulk.dup" } },
              { "method": "POST", "path": "/Users", "bulkId": "b", "data": { "userName": "BULK.DUP" } },
              { "method": "POST", "path": "/Users", "bulkId": "c", "data": { "userName": "bulk.never" } } ] }
            """);

        var operations = Operations(response);
        Assert.Equal(["201", "409"], operations.Select(Status));
        Assert.Equal("uniqueness", operations[1]!["response"]!["scimType"]!.GetValue<string>());
        Assert.Equal(0, (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"bulk.never\""))).TotalResults);
    }

    [Fact]
    public async Task UnknownAndCircularBulkIds_FailTheirOperations()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Bulk", $$"""
            { {{Schemas}}, "Operations": [
              { "method": "POST", "path": "/Groups", "bulkId": "g1", "data": { "displayName": "one", "members": [ { "value": "bulkId:g2" } ] } },
              { "method": "POST", "path": "/Groups", "bulkId": "g2", "data": { "displayName": "two", "members": [ { "value": "bulkId:g1" } ] } },
              { "method": "POST", "path": "/Groups", "bulkId": "g3", "data": { "displayName": "three", "members": [ { "value": "bulkId:nobody" } ] } },
              { "method": "POST", "path": "/Users", "bulkId": "ok", "data": { "userName": "bulk.ok" } } ] }
            """);

        var statuses = Operations(response).ToDictionary(o => o!["bulkId"]!.GetValue<string>(), Status);
        Assert.Equal("409", statuses["g1"]);
        Assert.Equal("409", statuses["g2"]);
        Assert.Equal("400", statuses["g3"]);
        Assert.Equal("201", statuses["ok"]);
    }

    [Fact]
    public async Task OverMaxOperations_Returns413()
    {
        var scim = await factory.NewTenantAsync();
        var operations = string.Join(",", Enumerable.Repeat("""{"method":"DELETE","path":"/Users/x"}""", 1001));

        var response = await scim.PostAsync("/Bulk", $$"""{ {{Schemas}}, "Operations": [ {{operations}} ] }""");

        response.AssertError(HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task OverMaxPayloadSize_Returns413()
    {
        var scim = await factory.NewTenantAsync();
        var big = new string('x', 1024 * 1024);

        var response = await scim.PostAsync("/Bulk", $$"""{ {{Schemas}}, "Operations": [ { "method": "POST", "path": "/Users", "data": { "userName": "{{big}}" } } ] }""");

        response.AssertError(HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Theory]
    [InlineData("""{"Operations":[{"method":"POST"}]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""", "invalidSyntax")]
    [InlineData("""{"failOnErrors":0,"Operations":[]}""", "invalidValue")]
    public async Task MalformedBulkRequest_Returns400(string body, string scimType)
    {
        var scim = await factory.NewTenantAsync();

        (await scim.PostAsync("/Bulk", body)).AssertError(HttpStatusCode.BadRequest, scimType);
    }

    [Fact]
    public async Task ServiceProviderConfig_AdvertisesBulkWithItsLimits()
    {
        var scim = await factory.NewTenantAsync();

        var bulk = (await scim.GetAsync("/ServiceProviderConfig")).Body!["bulk"]!;

        Assert.True(bulk["supported"]!.GetValue<bool>());
        Assert.Equal(1000, bulk["maxOperations"]!.GetValue<int>());
        Assert.Equal(1048576, bulk["maxPayloadSize"]!.GetValue<int>());
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : BulkEndpointsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : BulkEndpointsTests(factory);
}

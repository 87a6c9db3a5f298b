using System.Net;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class DiscoveryEndpointsTests(ScimApiFactory factory)
{
    [Fact]
    public async Task ServiceProviderConfig_DescribesWhatIsSupported()
    {
        var scim = await factory.NewTenantAsync();

        var config = (await scim.GetAsync("/ServiceProviderConfig")).Body!;

        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        Assert.Equal(1000, config["filter"]!["maxResults"]!.GetValue<int>());
        Assert.True(config["etag"]!["supported"]!.GetValue<bool>());
        Assert.True(config["bulk"]!["supported"]!.GetValue<bool>());
        Assert.True(config["sort"]!["supported"]!.GetValue<bool>());
        Assert.Equal("oauthbearertoken", config["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Schemas_ListsCoreExtensionAndMetaSchemas()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.GetAsync("/Schemas");
        var ids = response.Resources.Select(r => r!["id"]!.GetValue<string>()).ToList();

        Assert.Equal(6, response.TotalResults);
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:User", ids);
        Assert.Contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", ids);
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:Group", ids);
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:ResourceType", ids);
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:Schema", ids);
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", ids);
    }

    [Fact]
    public async Task SchemaById_DescribesUserNameCharacteristics()
    {
        var scim = await factory.NewTenantAsync();

        var user = (await scim.GetAsync("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User")).Body!;
        var userName = user["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "userName")!;

        Assert.Equal("User Account", user["description"]!.GetValue<string>());
        Assert.True(userName["required"]!.GetValue<bool>());
        Assert.False(userName["caseExact"]!.GetValue<bool>());
        Assert.Equal("server", userName["uniqueness"]!.GetValue<string>());
        (await scim.GetAsync("/Schemas/urn:nope")).AssertError(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task ResourceTypes_ListsUsersFirstThenGroups()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.GetAsync("/ResourceTypes");
        var user = await scim.GetAsync("/ResourceTypes/User");

        Assert.Equal("/Users", response.Resources[0]!["endpoint"]!.GetValue<string>());
        Assert.Equal("/Groups", response.Resources[1]!["endpoint"]!.GetValue<string>());
        Assert.Equal("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", user.Body!["schemaExtensions"]![0]!["schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownScimPath_Returns404ScimError()
    {
        var scim = await factory.NewTenantAsync();

        (await scim.GetAsync("/Nonsense")).AssertError(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/scim/v2/{tenant}/Users", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Me_IsNotImplemented_With501AndAScimError(string method)
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.SendAsync(new HttpMethod(method), "/Me", method == "GET" ? null : "{}");

        response.AssertError(HttpStatusCode.NotImplemented, null);
    }

    [Fact]
    public async Task GroupMembers_AreAdvertisedAsUsersOnly_AndUserGroupsReferToGroups()
    {
        var scim = await factory.NewTenantAsync();

        var group = await scim.GetAsync("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group");
        var user = await scim.GetAsync("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");

        var members = group.Body!["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "members")!["subAttributes"]!.AsArray();
        Assert.Equal(["User"], members.Single(a => a!["name"]!.GetValue<string>() == "type")!["canonicalValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["User"], members.Single(a => a!["name"]!.GetValue<string>() == "$ref")!["referenceTypes"]!.AsArray().Select(v => v!.GetValue<string>()));
        var groups = user.Body!["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "groups")!["subAttributes"]!.AsArray();
        Assert.Equal(["Group"], groups.Single(a => a!["name"]!.GetValue<string>() == "$ref")!["referenceTypes"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : DiscoveryEndpointsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : DiscoveryEndpointsTests(factory);
}

using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.ApiReference;

/// <summary>The OpenAPI document describes the three APIs with their schemes, the SCIM shapes and the error answers.</summary>
[Collection(InMemoryCollection.Name)]
public sealed class ApiDocumentTests(InMemoryApiFactory factory)
{
    private async Task<JsonNode> DocumentAsync()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string[] SchemesOf(JsonNode operation) =>
        operation["security"]!.AsArray().SelectMany(requirement => requirement!.AsObject().Select(scheme => scheme.Key)).ToArray();

    [Fact]
    public async Task EachApi_NamesItsBearerScheme()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!;

        Assert.Equal(["adminKey", "operatorKey", "scimToken"], document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).Order());
        Assert.All(document["components"]!["securitySchemes"]!.AsObject(), s => Assert.Equal("bearer", s.Value!["scheme"]!.GetValue<string>()));
        Assert.Equal(["scimToken"], SchemesOf(paths["/scim/v2/{tenant}/Users"]!["post"]!));
        Assert.Equal(["operatorKey"], SchemesOf(paths["/admin/v1/tenants"]!["post"]!));
        Assert.Equal(["adminKey", "operatorKey"], SchemesOf(paths["/api/v1/tenants/{tenant}/scim/tokens"]!["post"]!));
    }

    [Fact]
    public async Task TheAdminApis_DescribeTheBodiesTheyTake()
    {
        var paths = (await DocumentAsync())["paths"]!;

        Assert.EndsWith("CreateTenantRequest", paths["/admin/v1/tenants"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.EndsWith("IssueTokenRequest", paths["/api/v1/tenants/{tenant}/scim/tokens"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ScimError", paths["/api/v1/tenants/{tenant}/scim/tokens"]!["post"]!["responses"]!["401"]!["content"]!["application/scim+json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheScimEndpoints_TakeAndGiveTheScimMediaType_WithSchemasExamplesAndErrors()
    {
        var document = await DocumentAsync();
        var users = document["paths"]!["/scim/v2/{tenant}/Users"]!;
        var create = users["post"]!;
        var patch = document["paths"]!["/scim/v2/{tenant}/Groups/{id}"]!["patch"]!;
        var schemas = document["components"]!["schemas"]!;

        Assert.Equal("#/components/schemas/ScimUser", create["requestBody"]!["content"]!["application/scim+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ScimUser", create["responses"]!["201"]!["content"]!["application/scim+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ScimError", create["responses"]!["409"]!["content"]!["application/scim+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ScimPatchOp", patch["requestBody"]!["content"]!["application/scim+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Contains(users["get"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "filter");
        Assert.Equal("#/components/schemas/ScimListResponse", users["get"]!["responses"]!["200"]!["content"]!["application/scim+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Contains("uniqueness", schemas["ScimError"]!["properties"]!["scimType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("ada@example.com", schemas["ScimUser"]!["examples"]![0]!["userName"]!.GetValue<string>());
        Assert.Equal("add", schemas["ScimPatchOp"]!["examples"]![0]!["Operations"]![0]!["op"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDocsPage_ServesTheReferenceFromTheServiceItself()
    {
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/docs/");
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("SCIM provisioning service: API reference", html);
        Assert.DoesNotContain("https://", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}

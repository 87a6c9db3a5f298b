using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <summary>Tenant-defined custom user fields as a tenant-specific schema extension.</summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class CustomFieldsTests(ScimApiFactory factory)
{
    private const string Fields = """
        {"fields":[
          {"name":"costCenter","type":"string"},
          {"name":"badge","type":"integer","required":true},
          {"name":"vip","type":"boolean"},
          {"name":"hired","type":"dateTime"},
          {"name":"tags","type":"string","multiValued":true,"canonicalValues":["a","b"]}]}
        """;

    private static string Urn(ScimClient scim) => $"urn:ietf:params:scim:schemas:extension:{scim.Tenant}:2.0:User";

    private async Task<ScimClient> TenantWithFieldsAsync()
    {
        var scim = await factory.NewTenantAsync("entra");
        using var admin = factory.Operator();
        var response = await admin.PutAsync($"/admin/v1/tenants/{scim.Tenant}/custom-fields", new StringContent(Fields, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return scim;
    }

    private static string User(ScimClient scim, string userName, string custom) =>
        $$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Urn(scim)}}}"],"userName":"{{{userName}}}","{{{Urn(scim)}}}":{{{{custom}}}}}""";

    [Fact]
    public async Task CustomFields_AppearInSchemasAndResourceTypes_OfTheirTenantOnly()
    {
        var scim = await TenantWithFieldsAsync();
        var other = await factory.NewTenantAsync();

        var schema = await scim.GetAsync($"/Schemas/{Urn(scim)}");
        var userType = await scim.GetAsync("/ResourceTypes/User");
        var otherSchemas = await other.GetAsync("/Schemas");

        Assert.Equal(HttpStatusCode.OK, schema.Status);
        var attributes = schema.Body!["attributes"]!.AsArray();
        Assert.Equal(["costCenter", "badge", "vip", "hired", "tags"], attributes.Select(a => a!["name"]!.GetValue<string>()));
        Assert.Equal("integer", attributes[1]!["type"]!.GetValue<string>());
        Assert.True(attributes[4]!["multiValued"]!.GetValue<bool>());
        var extension = userType.Body!["schemaExtensions"]!.AsArray().Single(e => e!["schema"]!.GetValue<string>() == Urn(scim));
        Assert.True(extension!["required"]!.GetValue<bool>());
        Assert.DoesNotContain(otherSchemas.Resources, r => r!["id"]!.GetValue<string>().Contains(scim.Tenant, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangedFields_AreInUseAtTheNextCall()
    {
        var scim = await factory.NewTenantAsync();
        await scim.CreateUserAsync("before.fields");
        using var admin = factory.Operator();

        var set = await admin.PutAsync($"/admin/v1/tenants/{scim.Tenant}/custom-fields",
            new StringContent("""{"fields":[{"name":"floor","type":"integer"}]}""", System.Text.Encoding.UTF8, "application/json"));
        var created = await scim.PostAsync("/Users", User(scim, "after.fields", """ "floor":"3" """));
        var cleared = await admin.PutAsync($"/admin/v1/tenants/{scim.Tenant}/custom-fields",
            new StringContent("""{"fields":[]}""", System.Text.Encoding.UTF8, "application/json"));
        var schemaGone = await scim.GetAsync($"/Schemas/{Urn(scim)}");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(3, created.Body![Urn(scim)]!["floor"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, schemaGone.Status);
    }

    [Fact]
    public async Task CustomValues_AreStoredTypedAndReturned_AndBadTypesOrMissingRequiredAre400()
    {
        var scim = await TenantWithFieldsAsync();

        var created = await scim.PostAsync("/Users", User(scim, "custom.one", """ "costCenter":"CC-1","badge":"42","vip":"True","hired":"2024-01-02T03:04:05Z","tags":["a"] """));
        var badType = await scim.PostAsync("/Users", User(scim, "custom.two", """ "badge":"forty" """));
        var missing = await scim.PostAsync("/Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"custom.three"}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var values = created.Body![Urn(scim)]!;
        Assert.Equal("CC-1", values["costCenter"]!.GetValue<string>());
        Assert.Equal(42, values["badge"]!.GetValue<int>());
        Assert.True(values["vip"]!.GetValue<bool>());
        Assert.Contains(Urn(scim), created.Body["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        badType.AssertError(HttpStatusCode.BadRequest, "invalidValue");
        missing.AssertError(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task CustomFields_AreFilterableAndSortable()
    {
        var scim = await TenantWithFieldsAsync();
        await scim.PostAsync("/Users", User(scim, "sort.b", """ "badge":20,"costCenter":"East" """));
        await scim.PostAsync("/Users", User(scim, "sort.a", """ "badge":3,"costCenter":"west" """));
        await scim.PostAsync("/Users", User(scim, "sort.c", """ "badge":100,"costCenter":"EAST" """));

        var east = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"{Urn(scim)}:costCenter eq \"east\""));
        var big = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"{Urn(scim)}:badge gt 10"));
        var sorted = await scim.GetAsync("/Users?sortBy=" + Uri.EscapeDataString($"{Urn(scim)}:badge"));

        Assert.Equal(2, east.TotalResults);
        Assert.Equal(2, big.TotalResults);
        Assert.Equal(["sort.a", "sort.b", "sort.c"], sorted.Resources.Select(r => r!["userName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task E11_CustomAttributeByFullUrnPath_WithTheUrnAbsentFromSchemas_IsPatched()
    {
        var scim = await TenantWithFieldsAsync();
        var user = await scim.PostAsync("/Users", User(scim, "e11", """ "badge":1 """));

        var patched = await scim.PatchAsync($"/Users/{user.Id}?attributes={Uri.EscapeDataString(Urn(scim))}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"Add","path":"{{Urn(scim)}}:costCenter","value":"CC-11"},
              {"op":"Replace","path":"{{Urn(scim)}}:badge","value":"11"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("CC-11", patched.Body![Urn(scim)]!["costCenter"]!.GetValue<string>());
        Assert.Equal(11, patched.Body[Urn(scim)]!["badge"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"fields":[{"name":"1bad","type":"string"}]}""")]
    [InlineData("""{"fields":[{"name":"x","type":"money"}]}""")]
    [InlineData("""{"fields":[{"name":"x","type":"string"},{"name":"X","type":"string"}]}""")]
    public async Task InvalidFieldDefinitions_Return400(string body)
    {
        var scim = await factory.NewTenantAsync();
        using var admin = factory.Operator();

        var response = await admin.PutAsync($"/admin/v1/tenants/{scim.Tenant}/custom-fields", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var fields = await admin.GetFromJsonAsync<JsonObject>($"/admin/v1/tenants/{scim.Tenant}/custom-fields");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(fields!["fields"]!.AsArray());
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : CustomFieldsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : CustomFieldsTests(factory);
}

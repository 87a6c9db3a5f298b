using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Hardening;

/// <summary>
/// Every writable attribute and sub-attribute the service advertises in /Schemas (users with their extensions, and
/// groups), given values of the wrong JSON type by POST and by PATCH: each is a 400 invalidValue, and JSON null (no
/// value) is accepted wherever the attribute is not required. Driven by discovery, so a new attribute is covered too.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class WrongTypesTests(ScimApiFactory factory)
{
    private const string UserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string GroupUrn = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private sealed record Target(string Endpoint, string? Extension, JsonObject Attribute, string Unique);

    [Fact]
    public async Task EveryAttribute_WithAValueOfTheWrongType_IsInvalidValue_ByPostAndByPatch()
    {
        var scim = await factory.NewTenantAsync();
        var userId = await scim.CreateUserAsync("typed.user");
        var groupId = await scim.CreateGroupAsync("typed group");
        var answered = new List<string>();

        foreach (var target in await TargetsAsync(scim))
        {
            var name = target.Attribute["name"]!.GetValue<string>();
            foreach (var wrong in WrongValues(target.Attribute))
            {
                var post = await scim.PostAsync(target.Endpoint, Body(target, name, wrong, "wrong"));
                var path = target.Extension is null ? name : $"{target.Extension}:{name}";
                var id = target.Endpoint == "/Users" ? userId : groupId;
                var patch = await scim.PatchAsync($"{target.Endpoint}/{id}",
                    ScimMessages.Patch(new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = path, ["value"] = wrong.DeepClone() }).ToJsonString()));
                Assert.True(post.Status == HttpStatusCode.BadRequest && post.ScimType == "invalidValue", $"POST {path} = {wrong.ToJsonString()}: {(int)post.Status} {post.ScimType}");
                Assert.True(patch.Status == HttpStatusCode.BadRequest && patch.ScimType == "invalidValue", $"PATCH {path} = {wrong.ToJsonString()}: {(int)patch.Status} {patch.ScimType}");
                post.AssertError(HttpStatusCode.BadRequest, "invalidValue");
                answered.Add(path);
            }
        }

        Assert.True(answered.Count > 200, $"only {answered.Count} wrong values were tried");
        Assert.Contains("emails", answered);
        Assert.Contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", answered);
        Assert.Contains("displayName", answered);
    }

    [Fact]
    public async Task EveryAttribute_GivenNull_MeansNoValue_UnlessItIsRequired()
    {
        var scim = await factory.NewTenantAsync();
        var count = 0;

        foreach (var target in await TargetsAsync(scim))
        {
            var name = target.Attribute["name"]!.GetValue<string>();
            var required = target.Attribute["required"]?.GetValue<bool>() == true;
            var response = await scim.PostAsync(target.Endpoint, Body(target, name, null, $"null-{count++}"));

            if (required) response.AssertError(HttpStatusCode.BadRequest, "invalidValue");
            else Assert.True(response.Status == HttpStatusCode.Created, $"{name}: null answered {(int)response.Status}");
        }
    }

    /// <summary>The writable attributes of users (core and every extension) and groups, as /Schemas lists them.</summary>
    private static async Task<IReadOnlyList<Target>> TargetsAsync(ScimClient scim)
    {
        var schemas = (await scim.GetAsync("/Schemas")).Resources;
        var types = (await scim.GetAsync("/ResourceTypes")).Resources;
        var targets = new List<Target>();
        foreach (var type in types)
        {
            var endpoint = type!["endpoint"]!.GetValue<string>();
            var core = type["schema"]!.GetValue<string>();
            var extensions = type["schemaExtensions"]?.AsArray().Select(e => e!["schema"]!.GetValue<string>()) ?? [];
            foreach (var urn in extensions.Prepend(core))
            {
                var schema = schemas.Single(s => s!["id"]!.GetValue<string>() == urn)!;
                foreach (var attribute in schema["attributes"]!.AsArray().Select(a => a!.AsObject()))
                {
                    if (attribute["mutability"]!.GetValue<string>() is "readOnly") continue;
                    targets.Add(new Target(endpoint, urn == core ? null : urn, attribute, core == UserUrn ? "userName" : "displayName"));
                }
            }
        }
        Assert.Contains(targets, t => t.Endpoint == "/Groups");
        return targets;
    }

    private static string Body(Target target, string name, JsonNode? value, string unique)
    {
        var body = new JsonObject();
        var owner = target.Extension is null ? body : (JsonObject)(body[target.Extension] = new JsonObject());
        if (name != target.Unique || target.Extension is not null) body[target.Unique] = $"{unique}-{Guid.NewGuid():N}";
        owner[name] = value?.DeepClone();
        return body.ToJsonString();
    }

    /// <summary>Values of the wrong JSON type for an attribute: for its own type, for each writable sub-attribute, and for its plurality.</summary>
    private static IEnumerable<JsonNode> WrongValues(JsonObject attribute)
    {
        var multiValued = attribute["multiValued"]!.GetValue<bool>();
        var type = attribute["type"]!.GetValue<string>();
        IEnumerable<JsonNode> singles;
        if (type != "complex")
        {
            singles = WrongScalars(type);
            if (!multiValued) singles = singles.Append(new JsonArray("x"));
        }
        else
        {
            var subs = attribute["subAttributes"]!.AsArray().Select(s => s!.AsObject()).Where(s => s["mutability"]!.GetValue<string>() != "readOnly");
            singles = subs.SelectMany(sub => WrongScalars(sub["type"]!.GetValue<string>()).Select(w => (JsonNode)new JsonObject { [sub["name"]!.GetValue<string>()] = w }))
                .Append(new JsonArray(new JsonArray()));
            if (!multiValued) singles = singles.Append(new JsonArray(new JsonObject()));
        }
        return multiValued ? singles.Select(s => s is JsonArray ? s : new JsonArray(s)) : singles;
    }

    private static IEnumerable<JsonNode> WrongScalars(string type) => type switch
    {
        "boolean" => [JsonValue.Create("maybe"), JsonValue.Create(7), new JsonObject { ["a"] = "b" }],
        "integer" => [JsonValue.Create("seven"), JsonValue.Create(1.5), new JsonObject { ["a"] = "b" }],
        "decimal" => [JsonValue.Create("seven"), JsonValue.Create(true), new JsonObject { ["a"] = "b" }],
        "dateTime" => [JsonValue.Create("yesterday"), JsonValue.Create(5), new JsonObject { ["a"] = "b" }],
        _ => [JsonValue.Create(42), JsonValue.Create(true), new JsonObject { ["a"] = "b" }],
    };

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : WrongTypesTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : WrongTypesTests(factory);
}

using System.Net;
using System.Text;

namespace Scim.Api.Tests.Hardening;

/// <summary>Which API a bad input is sent to: SCIM with the tenant's token, or the operator API with the operator key.</summary>
public enum BadInputApi
{
    Scim,
    Operator,
}

/// <summary>
/// One hostile or sloppy request and the SCIM error it must get. Paths may hold {tenant}, {user} and {group} (ids of an
/// existing user and group of the test's tenant) and {unknown} (an id that exists nowhere); SCIM paths are relative to
/// the tenant's base.
/// </summary>
public sealed record BadInput(string Name, BadInputApi Api, HttpMethod Method, string Path, byte[]? Body, HttpStatusCode Status, string? ScimType);

/// <summary>
/// The bad-input corpus (issue 11): repeated keys at every level, lone surrogates, invalid UTF-8, control characters,
/// over-long values, wrong JSON types for core attributes, nulls, huge arrays, malformed messages, and the smaller
/// cases that used to be 500s or empty bodies. Every one must be a 4xx with a SCIM error body on both backends.
/// </summary>
public static class BadInputs
{
    private const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string Patch = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private const string Bulk = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    private const string Search = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    private const string Syntax = "invalidSyntax";
    private const string Value = "invalidValue";
    private const string Filter = "invalidFilter";
    private const string PathError = "invalidPath";

    public static readonly IReadOnlyList<BadInput> All =
    [
        // Repeated member names, at every level, in any case.
        Scim("repeated userName", HttpMethod.Post, "/Users", $$$"""{"schemas":["{{{User}}}"],"userName":"a","userName":"b"}""", Syntax),
        Scim("repeated userName in other case", HttpMethod.Post, "/Users", """{"userName":"a","USERNAME":"b"}""", Syntax),
        Scim("repeated sub-attribute", HttpMethod.Post, "/Users", """{"userName":"a","name":{"givenName":"x","givenName":"y"}}""", Syntax),
        Scim("repeated key in an array element", HttpMethod.Post, "/Users", """{"userName":"a","emails":[{"value":"a@b.c","value":"d@e.f"}]}""", Syntax),
        Scim("repeated schemas", HttpMethod.Put, "/Users/{user}", $$$"""{"schemas":["{{{User}}}"],"schemas":[],"userName":"a"}""", Syntax),
        Scim("repeated op on an unknown id", HttpMethod.Patch, "/Users/{unknown}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"add","op":"remove","path":"title"}]}""", Syntax),
        Scim("repeated op", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"add","op":"remove","path":"title"}]}""", Syntax),
        Scim("repeated Operations", HttpMethod.Patch, "/Groups/{group}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[],"operations":[]}""", Syntax),
        Scim("repeated key in a PATCH value", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","value":{"title":"a","title":"b"}}]}""", Syntax),
        Scim("repeated displayName", HttpMethod.Post, "/Groups", """{"displayName":"a","displayName":"b"}""", Syntax),
        Scim("repeated key in bulk data", HttpMethod.Post, "/Bulk", $$$"""{"schemas":["{{{Bulk}}}"],"Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"a","userName":"b"}}]}""", Syntax),
        Scim("repeated filter in a search", HttpMethod.Post, "/Users/.search", $$$"""{"schemas":["{{{Search}}}"],"filter":"userName pr","filter":"title pr"}""", Syntax),
        Operator("repeated fields", HttpMethod.Put, "/admin/v1/tenants/{tenant}/custom-fields", """{"fields":[],"fields":[]}""", Syntax),

        // Lone UTF-16 surrogates, in values, keys, paths and filters.
        Scim("lone surrogate in userName", HttpMethod.Post, "/Users", """{"userName":"ls-\uD800"}""", Syntax),
        Scim("lone low surrogate in a value", HttpMethod.Post, "/Users", """{"userName":"ok","title":"\uDC00x"}""", Syntax),
        Scim("lone surrogate in a key", HttpMethod.Post, "/Users", """{"\uD800":"x","userName":"a"}""", Syntax),
        Scim("lone surrogate in a PATCH path", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","path":"\uD800","value":"x"}]}""", Syntax),
        Scim("lone surrogate in a PATCH value", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","path":"title","value":"a\uD800"}]}""", Syntax),
        Scim("lone surrogate in a member value", HttpMethod.Post, "/Groups", """{"displayName":"g","members":[{"value":"\uD800"}]}""", Syntax),
        Scim("lone surrogate escaped in a filter literal", HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("userName eq \"a\\uD800\""), null, Filter),
        Scim("lone surrogate in a search filter", HttpMethod.Post, "/Users/.search", $$$"""{"schemas":["{{{Search}}}"],"filter":"userName eq \"\uD800\""}""", Syntax),

        // Bytes that are not UTF-8.
        ScimBytes("invalid UTF-8 in a value", HttpMethod.Post, "/Users", [.. "{\"userName\":\"a"u8, 0xFF, .. "\"}"u8], Syntax),
        ScimBytes("invalid UTF-8 in a PATCH", HttpMethod.Patch, "/Users/{user}",
            [.. Encoding.UTF8.GetBytes($$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","path":"title","value":"""), 0xC3, 0x28, .. "\"}]}"u8], Syntax),
        ScimBytes("a truncated UTF-8 sequence in a key", HttpMethod.Post, "/Groups", [.. "{\"display"u8, 0xE2, 0x82, .. "\":\"x\"}"u8], Syntax),

        // Control characters (PostgreSQL refuses U+0000 in text).
        Scim("NUL in userName", HttpMethod.Post, "/Users", """{"userName":"a\u0000b"}""", Value),
        Scim("control character in a value", HttpMethod.Post, "/Users", """{"userName":"ok","title":"\u0001"}""", Value),
        Scim("NUL in a member value", HttpMethod.Post, "/Groups", """{"displayName":"g","members":[{"value":"\u0000"}]}""", Value),
        Scim("NUL in a custom reference field", HttpMethod.Post, "/Users",
            """{"userName":"ok","urn:ietf:params:scim:schemas:extension:{tenant}:2.0:User":{"homepage":"https://a\u0000"}}""", Value),
        Scim("NUL in a PATCH value", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","path":"title","value":"\u0000"}]}""", Value),
        Scim("NUL in a PUT", HttpMethod.Put, "/Users/{user}", """{"userName":"x\u0000"}""", Value),
        Scim("NUL in a key", HttpMethod.Post, "/Users", """{"userName":"ok","ti\u0000tle":"x"}""", Value),
        Scim("NUL in bulk data", HttpMethod.Post, "/Bulk", $$$"""{"schemas":["{{{Bulk}}}"],"Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"\u0000"}}]}""", Value),
        Scim("NUL escaped in a filter literal", HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("userName eq \"a\\u0000\""), null, Filter),
        Scim("raw NUL in a filter", HttpMethod.Get, "/Users?filter=userName%20eq%20%22a%00%22", null, Filter),
        Scim("raw NUL in sortBy", HttpMethod.Get, "/Users?sortBy=user%00Name", null, Value),
        Scim("NUL in a search filter", HttpMethod.Post, "/Users/.search", $$$"""{"schemas":["{{{Search}}}"],"filter":"userName eq \"\u0000\""}""", Value),

        // Over-long values: names the database indexes, and bodies past the limit.
        Scim("userName of 513 characters", HttpMethod.Post, "/Users", $$$"""{"userName":"{{{new string('u', 513)}}}"}""", Value),
        Scim("userName of 3,000 characters", HttpMethod.Post, "/Users", $$$"""{"userName":"{{{new string('u', 3000)}}}"}""", Value),
        Scim("externalId of 600 characters", HttpMethod.Post, "/Users", $$$"""{"userName":"ok","externalId":"{{{new string('e', 600)}}}"}""", Value),
        Scim("user displayName of 600 characters", HttpMethod.Post, "/Users", $$$"""{"userName":"ok","displayName":"{{{new string('d', 600)}}}"}""", Value),
        Scim("group displayName of 600 characters", HttpMethod.Post, "/Groups", $$$"""{"displayName":"{{{new string('g', 600)}}}"}""", Value),
        Scim("member value of 600 characters", HttpMethod.Post, "/Groups", $$$"""{"displayName":"g","members":[{"value":"{{{new string('m', 600)}}}"}]}""", Value),
        Scim("long userName by PUT", HttpMethod.Put, "/Users/{user}", $$$"""{"userName":"{{{new string('u', 600)}}}"}""", Value),
        Scim("long userName by PATCH", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","path":"userName","value":"{{{new string('u', 600)}}}"}]}""", Value),
        Scim("long displayName by path-less PATCH", HttpMethod.Patch, "/Groups/{group}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","value":{"displayName":"{{{new string('g', 600)}}}"}}]}""", Value),
        Scim("a member added by PATCH with a long value", HttpMethod.Patch, "/Groups/{group}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{{new string('m', 600)}}}"}]}]}""", Value),
        new("a body over the size limit", BadInputApi.Scim, HttpMethod.Post, "/Users", Encoding.UTF8.GetBytes($$$"""{"userName":"{{{new string('u', 900_000)}}}"}"""), HttpStatusCode.RequestEntityTooLarge, null),
        Scim("a filter over 4,096 characters", HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString($"userName eq \"{new string('f', 5000)}\""), null, Filter),
        new("a URL over 48 KiB", BadInputApi.Scim, HttpMethod.Get, "/Users?excludedAttributes=" + new string('x', 50_000), null, HttpStatusCode.RequestUriTooLong, null),

        // Wrong JSON types for core attributes, and nulls.
        Scim("userName a number", HttpMethod.Post, "/Users", """{"userName":42}""", Value),
        Scim("userName true", HttpMethod.Post, "/Users", """{"userName":true}""", Value),
        Scim("userName an object", HttpMethod.Post, "/Users", """{"userName":{}}""", Value),
        Scim("userName an array", HttpMethod.Post, "/Users", """{"userName":["a"]}""", Value),
        Scim("userName null", HttpMethod.Post, "/Users", """{"userName":null}""", Value),
        Scim("externalId a number", HttpMethod.Post, "/Users", """{"userName":"ok","externalId":7}""", Value),
        Scim("active a word", HttpMethod.Post, "/Users", """{"userName":"ok","active":"maybe"}""", Value),
        Scim("active an object", HttpMethod.Post, "/Users", """{"userName":"ok","active":{}}""", Value),
        Scim("name a string", HttpMethod.Post, "/Users", """{"userName":"ok","name":"Barbara"}""", Value),
        Scim("name.givenName a number", HttpMethod.Post, "/Users", """{"userName":"ok","name":{"givenName":5}}""", Value),
        Scim("emails of numbers", HttpMethod.Post, "/Users", """{"userName":"ok","emails":[42]}""", Value),
        Scim("emails an object of arrays", HttpMethod.Post, "/Users", """{"userName":"ok","emails":{"value":["a"]}}""", Value),
        Scim("two primary emails", HttpMethod.Post, "/Users", """{"userName":"ok","emails":[{"value":"a@b.c","primary":true},{"value":"d@e.f","primary":true}]}""", Value),
        Scim("group displayName a number", HttpMethod.Post, "/Groups", """{"displayName":5}""", Value),
        Scim("group displayName null", HttpMethod.Post, "/Groups", """{"displayName":null}""", Value),
        Scim("an empty member", HttpMethod.Post, "/Groups", """{"displayName":"g","members":[{}]}""", Value),
        Scim("a member that is an array", HttpMethod.Post, "/Groups", """{"displayName":"g","members":[[]]}""", Value),
        Scim("a member of type Group", HttpMethod.Post, "/Groups", """{"displayName":"g","members":[{"value":"{unknown}","type":"Group"}]}""", Value),
        Scim("a group as a member", HttpMethod.Patch, "/Groups/{group}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"add","path":"members","value":[{"value":"{group}"}]}]}""", Value),
        Scim("a body that is an array", HttpMethod.Post, "/Users", "[]", Syntax),
        Scim("a body that is a string", HttpMethod.Post, "/Users", "\"x\"", Syntax),
        Scim("a body that is null", HttpMethod.Put, "/Users/{user}", "null", Syntax),
        Scim("an empty body", HttpMethod.Post, "/Groups", "", Syntax),
        Scim("JSON nested 10,000 deep", HttpMethod.Post, "/Users", new string('[', 10_000) + new string(']', 10_000), Syntax),
        Scim("truncated JSON", HttpMethod.Post, "/Users", """{"userName":"a""", Syntax),

        // Huge arrays.
        Scim("1,001 emails", HttpMethod.Post, "/Users", $$$"""{"userName":"ok","emails":[{{{string.Join(',', Enumerable.Range(0, 1001).Select(i => $"\"{i}@x.y\""))}}}]}""", Value),
        Scim("1,001 emails added by PATCH", HttpMethod.Patch, "/Users/{user}",
            $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"add","path":"emails","value":[{{{string.Join(',', Enumerable.Range(0, 1001).Select(i => $"{{\"value\":\"{i}@x.y\"}}"))}}}]}]}""", Value),

        Scim("10,001 members", HttpMethod.Post, "/Groups", $$$"""{"displayName":"g","members":[{{{string.Join(',', Enumerable.Repeat("\"m\"", 10_001))}}}]}""", "tooMany"),

        // Malformed PATCH, search and bulk messages.
        Scim("Operations an object", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":{}}""", Syntax),
        Scim("an operation that is a string", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":["add"]}""", Syntax),
        Scim("no op", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"path":"title","value":"x"}]}""", Syntax),
        Scim("op a number", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":5,"path":"title","value":"x"}]}""", Syntax),
        Scim("path a number", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"add","path":5,"value":"x"}]}""", PathError),
        Scim("active replaced by an object", HttpMethod.Patch, "/Users/{user}", $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","path":"active","value":{}}]}""", Value),
        Scim("a bare extension URN replaced by a string", HttpMethod.Patch, "/Users/{user}",
            $$$"""{"schemas":["{{{Patch}}}"],"Operations":[{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","value":"x"}]}""", Value),
        Scim("search schemas a string", HttpMethod.Post, "/Users/.search", """{"schemas":"x","filter":"userName pr"}""", Syntax),
        Scim("search count a string", HttpMethod.Post, "/Users/.search", $$$"""{"schemas":["{{{Search}}}"],"count":"ten"}""", Value),
        Scim("bulk Operations an object", HttpMethod.Post, "/Bulk", $$$"""{"schemas":["{{{Bulk}}}"],"Operations":{}}""", Syntax),
        Scim("bulk operation without a method", HttpMethod.Post, "/Bulk", $$$"""{"schemas":["{{{Bulk}}}"],"Operations":[{"path":"/Users"}]}""", Syntax),
        Scim("bulk failOnErrors negative", HttpMethod.Post, "/Bulk", $$$"""{"schemas":["{{{Bulk}}}"],"failOnErrors":-1,"Operations":[]}""", Value),
        Scim("bulk schemas a string", HttpMethod.Post, "/Bulk", """{"schemas":"x","Operations":[]}""", Syntax),
        Scim("a bulkId used twice", HttpMethod.Post, "/Bulk",
            $$$"""{"schemas":["{{{Bulk}}}"],"Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"b1"}},{"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"b2"}}]}""", Value),
        Scim("a bad count", HttpMethod.Get, "/Users?count=many", null, Value),

        // Routes and methods that do not exist still answer SCIM errors.
        new("an unknown endpoint", BadInputApi.Scim, HttpMethod.Get, "/Nope", null, HttpStatusCode.NotFound, null),
        new("PUT without an id", BadInputApi.Scim, HttpMethod.Put, "/Users", Encoding.UTF8.GetBytes("""{"userName":"a"}"""), HttpStatusCode.NotFound, null),

        // The operator and platform admin APIs.
        Operator("a tenant id with a trailing line feed", HttpMethod.Post, "/admin/v1/tenants", """{"id":"acme\n","displayName":"Acme"}""", Value),
        Operator("a null custom field", HttpMethod.Put, "/admin/v1/tenants/{tenant}/custom-fields", """{"fields":[null]}""", Value),
        Operator("a null canonical value", HttpMethod.Put, "/admin/v1/tenants/{tenant}/custom-fields", """{"fields":[{"name":"x","type":"string","canonicalValues":[null]}]}""", Value),
        Operator("fields a string", HttpMethod.Put, "/admin/v1/tenants/{tenant}/custom-fields", """{"fields":"x"}""", Syntax),
        Operator("a bad member page size", HttpMethod.Get, "/admin/v1/tenants/{tenant}/groups/{group}/members?count=abc", null, Syntax),
        Operator("a long manual member id", HttpMethod.Put, "/admin/v1/tenants/{tenant}/groups/{group}/manual-members/" + new string('m', 3000), null, null, HttpStatusCode.NotFound),
        Operator("NUL in a user's e-mail", HttpMethod.Post, "/admin/v1/tenants/{tenant}/users", """{"email":"a\u0000@b.c","role":"user"}""", Value),
    ];

    public static TheoryData<string> Names() => [.. All.Select(b => b.Name)];

    private static BadInput Scim(string name, HttpMethod method, string path, string? body, string? scimType) =>
        new(name, BadInputApi.Scim, method, path, body is null ? null : Encoding.UTF8.GetBytes(body), HttpStatusCode.BadRequest, scimType);

    private static BadInput ScimBytes(string name, HttpMethod method, string path, byte[] body, string scimType) =>
        new(name, BadInputApi.Scim, method, path, body, HttpStatusCode.BadRequest, scimType);

    private static BadInput Operator(string name, HttpMethod method, string path, string? body, string? scimType, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new(name, BadInputApi.Operator, method, path, body is null ? null : Encoding.UTF8.GetBytes(body), status, scimType);
}

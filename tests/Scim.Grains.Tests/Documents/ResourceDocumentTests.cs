using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Documents;

public sealed class ResourceDocumentTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string Custom = "urn:example:params:scim:schemas:extension:lms:2.0:User";

    /// <summary>A user as jsonb gives it back: keys by length, then bytes, at every level.</summary>
    private static JsonObject AsJsonbReturnsIt() => JsonNode.Parse($$"""
        {
          "id": "u-1",
          "meta": {"created": "2026-01-01T00:00:00Z", "version": "W/\"2\"", "lastModified": "2026-01-02T00:00:00Z", "resourceType": "User"},
          "name": {"givenName": "Ada", "familyName": "Lovelace"},
          "active": true,
          "emails": [{"type": "work", "value": "ada@example.com", "primary": true}, null],
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "{{Enterprise}}", "{{Custom}}"],
          "nickName": null,
          "userName": "ada",
          "externalId": "x-1",
          "{{Custom}}": {"cohort": "2026"},
          "{{Enterprise}}": {"manager": {"value": "m-1", "displayName": "Boss"}, "department": "R&D", "employeeNumber": "7", "unlisted": 1}
        }
        """)!.AsObject();

    private static JsonObject Ordered(JsonObject stored) =>
        JsonNode.Parse(ResourceDocument.InCanonicalOrder(Encoding.UTF8.GetBytes(stored.ToJsonString()), ResourceSchema.User))!.AsObject();

    [Fact]
    public void InCanonicalOrder_PutsEnvelopeCoreAttributesExtensionsThenMeta_InSchemaOrderAtEveryLevel()
    {
        var ordered = Ordered(AsJsonbReturnsIt());

        Assert.Equal(["schemas", "id", "externalId", "userName", "name", "active", "emails", Enterprise, "nickName", Custom, "meta"],
            ordered.Select(p => p.Key));
        Assert.Equal(["familyName", "givenName"], ordered["name"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["value", "type", "primary"], ordered["emails"]![0]!.AsObject().Select(p => p.Key));
        Assert.Null(ordered["emails"]![1]);
        Assert.Equal(["employeeNumber", "department", "manager", "unlisted"], ordered[Enterprise]!.AsObject().Select(p => p.Key));
        Assert.Equal(["value", "displayName"], ordered[Enterprise]!["manager"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["resourceType", "created", "lastModified", "version"], ordered["meta"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void InCanonicalOrder_KeepsEveryValue_IncludingNullsAndWhatTheSchemaDoesNotList()
    {
        var ordered = Ordered(AsJsonbReturnsIt());

        Assert.True(JsonNode.DeepEquals(AsJsonbReturnsIt(), ordered));
        Assert.True(ordered.ContainsKey("nickName"));
        Assert.Equal("2026", (string?)ordered[Custom]!["cohort"]);
    }

    [Fact]
    public void InCanonicalOrder_WritesADocumentAlreadyInOrder_ByteForByteAsTheServiceWritesIt()
    {
        // Escapes as responses write them: '&', quotes, non-ASCII letters and a control character.
        var document = Ordered(AsJsonbReturnsIt());
        document["displayName"] = "Zoë \"Z\" O'Brien & co\u0001";
        var written = JsonSerializer.SerializeToUtf8Bytes(Ordered(document), ScimJson.Options);

        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(ResourceDocument.InCanonicalOrder(written, ResourceSchema.User)));
    }
}

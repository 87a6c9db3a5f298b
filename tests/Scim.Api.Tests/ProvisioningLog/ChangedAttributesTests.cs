using Scim.Api.ProvisioningLog;

namespace Scim.Api.Tests.ProvisioningLog;

/// <summary>The names (never the values) of the attributes a SCIM write sets, as the provisioning log records them.</summary>
public sealed class ChangedAttributesTests
{
    [Fact]
    public void Post_NamesItsAttributes_ExtensionsByUrn_NotSchemasIdOrMeta()
    {
        const string body = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"x","userName":"a","password":"p","meta":{},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"7","manager":{"value":"m"}}}
            """;

        Assert.Equal(["userName", "password", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"], ChangedAttributes.Of("POST", body));
    }

    [Fact]
    public void Patch_NamesItsPaths_WithoutValueFilters_AndTheKeysOfPathlessValues()
    {
        const string body = """
            {"Operations":[{"op":"Replace","path":"emails[type eq \"work\"].value","value":"a@b.c"},
                           {"op":"remove","path":"members[value eq \"1\"]"},
                           {"op":"replace","value":{"active":false,"name.givenName":"A"}},
                           {"op":"add","path":"members","value":[{"value":"2"}]}]}
            """;

        Assert.Equal(["emails.value", "members", "active", "name.givenName"], ChangedAttributes.Of("PATCH", body));
    }

    [Fact]
    public void Patch_NamesAPathWrittenAfterItsValue_AndForAPathThatIsNotText_TheKeysOfTheValue()
    {
        const string body = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "operations":[{"value":{"active":false},"op":"replace","path":"displayName"},
                           {"op":"replace","path":7,"value":{"title":"x","urn:x:y":{"a":1}}},
                           "not an operation", 3, [{"path":"nested"}]]}
            """;

        Assert.Equal(["displayName", "title", "urn:x:y:a"], ChangedAttributes.Of("PATCH", body));
    }

    [Theory]
    [InlineData("GET", """{"userName":"a"}""")]
    [InlineData("POST", """{"userName":"a"} trailing""")]
    [InlineData("PUT", """{"userName":"a"}{"title":"b"}""")]
    [InlineData("PATCH", """{"Operations":[{"path":"title"}""")]
    [InlineData("DELETE", null)]
    [InlineData("POST", "not json")]
    [InlineData("POST", """["an","array"]""")]
    [InlineData("PATCH", """{"Operations":"not a list"}""")]
    public void ReadsAndUnreadableBodies_NameNothing(string method, string? body) => Assert.Empty(ChangedAttributes.Of(method, body));

    [Fact]
    public void AtMostFiftyNames_EachOnce()
    {
        var body = "{" + string.Join(',', Enumerable.Range(0, 80).Select(i => $"\"a{i}\":1")) + ",\"A0\":2}";

        var names = ChangedAttributes.Of("PUT", body);

        Assert.Equal(50, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}

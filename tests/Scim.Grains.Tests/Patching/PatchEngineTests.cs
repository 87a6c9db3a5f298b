using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Patching;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Patching;

public sealed class PatchEngineTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static JsonObject NewUser() => JsonNode.Parse("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"bjensen","name":{"givenName":"Barbara","familyName":"Jensen"},
         "active":true,"emails":[{"value":"work@x.com","type":"work","primary":true},{"value":"home@x.com","type":"home"}],
         "meta":{"resourceType":"User","created":"2020-01-01T00:00:00.0000000Z","lastModified":"2020-01-01T00:00:00.0000000Z","version":"W/\"1\""}}
        """)!.AsObject();

    private static JsonObject Apply(params PatchOperation[] operations) => PatchEngine.Apply(NewUser(), operations, ResourceSchema.User, null);

    private static PatchOperation Op(string op, string? path, string? value) => new(op, path, value);

    private static ScimException Fails(params PatchOperation[] operations) => Assert.Throws<ScimException>(() => Apply(operations));

    [Fact]
    public void Replace_SimpleAttribute_SetsIt() =>
        Assert.Equal("Boss", Apply(Op("replace", "title", "\"Boss\""))["title"]!.GetValue<string>());

    [Theory]
    [InlineData("Add")]
    [InlineData("REPLACE")]
    [InlineData("add")]
    public void OpNames_InAnyCase_AreAccepted(string op) =>
        Assert.Equal("x", Apply(Op(op, "nickName", "\"x\""))["nickName"]!.GetValue<string>());

    [Fact]
    public void Replace_StringBoolean_IsStoredAsBoolean() =>
        Assert.False(Apply(Op("Replace", "active", "\"False\""))["active"]!.GetValue<bool>());

    [Fact]
    public void Replace_ComplexAttribute_MergesSubAttributes()
    {
        var name = Apply(Op("replace", "name", """{"givenName":"Babs"}"""))["name"]!;
        Assert.Equal("Babs", name["givenName"]!.GetValue<string>());
        Assert.Equal("Jensen", name["familyName"]!.GetValue<string>());
    }

    [Fact]
    public void Pathless_DottedAndUrnKeys_AreApplied()
    {
        var result = Apply(Op("replace", null, $$"""{"name.givenName":"A","{{Enterprise}}:employeeNumber":"7","{{Enterprise}}":{"department":"D"} }"""));
        Assert.Equal("A", result["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("7", result[Enterprise]!["employeeNumber"]!.GetValue<string>());
        Assert.Equal("D", result[Enterprise]!["department"]!.GetValue<string>());
    }

    [Fact]
    public void Pathless_IdEqualToCurrent_IsANoOp_OtherIdIsMutability()
    {
        Assert.Equal("u1", Apply(Op("replace", null, """{"id":"u1","displayName":"x"}"""))["id"]!.GetValue<string>());
        Assert.Equal(ScimType.Mutability, Fails(Op("replace", null, """{"id":"u2"}""")).ScimType);
    }

    [Fact]
    public void Add_ToMultiValued_AppendsAndDemotesTheOldPrimary()
    {
        var emails = Apply(Op("add", "emails", """[{"value":"new@x.com","type":"other","primary":true}]"""))["emails"]!.AsArray();
        Assert.Equal(3, emails.Count);
        Assert.Single(emails, e => e!["primary"]?.GetValue<bool>() == true);
        Assert.True(emails[2]!["primary"]!.GetValue<bool>());
    }

    [Fact]
    public void Add_DuplicateValue_IsNotAddedTwice() =>
        Assert.Equal(2, Apply(Op("add", "emails", """{"value":"home@x.com","type":"home"}"""))["emails"]!.AsArray().Count);

    [Fact]
    public void Replace_FilteredSubAttribute_ChangesOnlyTheMatch()
    {
        var emails = Apply(Op("replace", "emails[type eq \"home\"].value", "\"new-home@x.com\""))["emails"]!.AsArray();
        Assert.Equal("work@x.com", emails[0]!["value"]!.GetValue<string>());
        Assert.Equal("new-home@x.com", emails[1]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Replace_FilteredSubAttributeWithoutMatch_CreatesTheElement()
    {
        var phones = Apply(Op("Replace", "phoneNumbers[type eq \"mobile\"].value", "\"+1 555\""))["phoneNumbers"]!.AsArray();
        Assert.Equal("""[{"type":"mobile","value":"+1 555"}]""", phones.ToJsonString(ScimJson.Options));
    }

    [Fact]
    public void Replace_FilteredElementWithoutMatch_IsNoTarget() =>
        Assert.Equal(ScimType.NoTarget, Fails(Op("replace", "emails[type eq \"other\"]", """{"value":"x"}""")).ScimType);

    [Fact]
    public void Remove_FilteredElement_RemovesOnlyIt()
    {
        var emails = Apply(Op("remove", "emails[type eq \"work\"]", null))["emails"]!.AsArray();
        Assert.Equal("home@x.com", Assert.Single(emails)!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Remove_LastElement_UnassignsTheAttribute() =>
        Assert.Null(Apply(Op("remove", "emails[value co \"@x.com\"]", null))["emails"]);

    [Fact]
    public void Remove_SubAttributeOfComplex_KeepsTheRest()
    {
        var name = Apply(Op("remove", "name.givenName", null))["name"]!;
        Assert.Null(name["givenName"]);
        Assert.Equal("Jensen", name["familyName"]!.GetValue<string>());
    }

    [Fact]
    public void ManagerAsPlainString_BecomesItsValue() =>
        Assert.Equal("m1", Apply(Op("Add", $"{Enterprise}:manager", "\"m1\""))[Enterprise]!["manager"]!["value"]!.GetValue<string>());

    [Fact]
    public void Apply_DoesNotTouchTheInputDocument()
    {
        var original = NewUser();
        PatchEngine.Apply(original, [Op("replace", "userName", "\"changed\"")], ResourceSchema.User, null);
        Assert.Equal("bjensen", original["userName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("remove", null, null, ScimType.NoTarget)]
    [InlineData("replace", "nosuch", "\"x\"", ScimType.InvalidPath)]
    [InlineData("replace", "name.nosuch", "\"x\"", ScimType.InvalidPath)]
    [InlineData("replace", "meta.created", "\"2020-01-01T00:00:00Z\"", ScimType.Mutability)]
    [InlineData("add", "groups", "[{\"value\":\"g\"}]", ScimType.Mutability)]
    [InlineData("remove", "userName", null, ScimType.InvalidValue)]
    [InlineData("replace", "userName", "\"\"", ScimType.InvalidValue)]
    [InlineData("replace", "active", "[true]", ScimType.InvalidValue)]
    [InlineData("replace", "title[value eq \"x\"]", "\"x\"", ScimType.InvalidPath)]
    [InlineData("replace", "emails", "[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":true}]", ScimType.InvalidValue)]
    [InlineData("replace", null, "\"not an object\"", ScimType.InvalidValue)]
    [InlineData("copy", "title", "\"x\"", ScimType.InvalidSyntax)]
    [InlineData("replace", "members", "[]", ScimType.InvalidPath)]
    public void InvalidOperations_ThrowTheRightScimType(string op, string? path, string? value, string scimType) =>
        Assert.Equal(scimType, Fails(Op(op, path, value)).ScimType);

    [Fact]
    public void Add_ManyValues_KeepsEachDistinctValueOnce_InTheOrderSent()
    {
        var added = string.Join(',', Enumerable.Range(0, 900).Select(i => $$"""{"value":"{{i % 450}}@x.com","type":"other"}"""));

        var emails = Apply(Op("add", "emails", $"[{added},{{\"type\":\"home\",\"value\":\"home@x.com\"}}]"))["emails"]!.AsArray();

        Assert.Equal(452, emails.Count);
        Assert.Equal(["work@x.com", "home@x.com", "0@x.com", "1@x.com"], emails.Take(4).Select(e => e!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Add_APrimaryValue_DemotesThePrimaryOne_AndAnEqualValueAfterItIsNotAddedTwice()
    {
        var emails = Apply(Op("add", "emails", """[{"value":"new@x.com","primary":true},{"value":"work@x.com","type":"work","primary":false}]"""))["emails"]!.AsArray();

        Assert.Equal(["work@x.com", "home@x.com", "new@x.com"], emails.Select(e => e!["value"]!.GetValue<string>()));
        Assert.Equal([false, false, true], emails.Select(e => e!["primary"]?.GetValue<bool>() ?? false));
    }

    [Fact]
    public void Remove_WithAValueList_RemovesTheValuesNamed_ByValueOrWhole()
    {
        var emails = Apply(Op("remove", "emails", """[{"value":"home@x.com","type":"anything"},{"value":"nobody@x.com"}]"""))["emails"]!.AsArray();

        Assert.Equal("work@x.com", Assert.Single(emails)!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Add_BeyondTheMostValuesAnAttributeHolds_IsInvalidValue()
    {
        var added = string.Join(',', Enumerable.Range(0, 999).Select(i => $$"""{"value":"{{i}}@x.com"}"""));

        var document = Apply(Op("add", "emails", $"[{added}]"));

        Assert.Equal(1001, document["emails"]!.AsArray().Count);
        Assert.Equal(ScimType.InvalidValue, Assert.Throws<ScimException>(() => ResourceLimits.Check(document, ResourceSchema.User)).ScimType);
        Assert.Equal(ScimType.InvalidValue, Fails(Op("add", "emails", $"[{added},\"a@b.c\",\"d@e.f\"]")).ScimType);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("replace")]
    public void BareExtensionUrnPath_SetsTheAttributesOfItsObjectValue(string op)
    {
        var user = Apply(Op(op, Enterprise, """{"employeeNumber":"7","department":"Sales"}"""));

        Assert.Equal("7", user[Enterprise]!["employeeNumber"]!.GetValue<string>());
        Assert.Equal("Sales", user[Enterprise]!["department"]!.GetValue<string>());
    }

    [Fact]
    public void BareExtensionUrnPath_Remove_RemovesTheWholeExtension()
    {
        var withExtension = PatchEngine.Apply(NewUser(), [Op("add", Enterprise, """{"employeeNumber":"7","manager":{"value":"m1"}}""")], ResourceSchema.User, null);

        var removed = PatchEngine.Apply(withExtension, [Op("remove", Enterprise, null)], ResourceSchema.User, null);

        Assert.Null(removed[Enterprise]);
    }
}

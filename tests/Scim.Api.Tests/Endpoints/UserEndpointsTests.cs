using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scim.Api.Tests.Infrastructure;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Tests.Endpoints;

/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class UserEndpointsTests(ScimApiFactory factory)
{
    [Fact]
    public async Task Post_ValidUser_Returns201WithLocationETagAndMeta()
    {
        var scim = await factory.NewTenantAsync();
        var response = await scim.PostAsync("/Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen","externalId":"ext-1",
             "name":{"givenName":"Barbara","familyName":"Jensen"},"emails":[{"value":"b@example.com","type":"work","primary":true}],"active":true}
            """);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("application/scim+json", response.MediaType);
        var meta = response.Body!["meta"]!;
        Assert.Equal("User", meta["resourceType"]!.GetValue<string>());
        Assert.EndsWith($"/scim/v2/{scim.Tenant}/Users/{response.Id}", meta["location"]!.GetValue<string>());
        Assert.Equal(meta["location"]!.GetValue<string>(), response.Headers.Location!.ToString());
        Assert.Equal("W/\"1\"", meta["version"]!.GetValue<string>());
        Assert.Equal("W/\"1\"", response.Headers.ETag!.ToString());
        Assert.NotNull(meta["created"]);
        Assert.NotNull(meta["lastModified"]);
    }

    [Fact]
    public async Task Post_ThenGet_ReturnsTheStoredUserWithoutPassword()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("pw-user", ""","password":"s3cret!","active":true""");

        var response = await scim.GetAsync($"/Users/{id}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("pw-user", response.Body!["userName"]!.GetValue<string>());
        Assert.Null(response.Body["password"]);
    }

    /// <summary>Decided by <c>Rules/UniqueNames</c> in memory; on PostgreSQL by the unique index <c>ux_scim_users_user_name</c>.</summary>
    [Fact]
    public async Task Post_DuplicateUserNameInOtherCase_Returns409Uniqueness()
    {
        var scim = await factory.NewTenantAsync();
        await scim.CreateUserAsync("Dup.User@Example.com");

        var response = await scim.PostAsync("/Users", """{"userName":"dup.user@example.COM"}""");

        response.AssertError(HttpStatusCode.Conflict, "uniqueness");
    }

    /// <summary>
    /// An IdP looks a user up by userName before creating it: the lookup must find the name that uniqueness refuses,
    /// also for a name whose case folds unusually (the Kelvin sign lowercases to k, yet is not k in upper case).
    /// </summary>
    [Fact]
    public async Task LookupOfANameUniquenessCallsTaken_FindsItsOwner()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("\u212Aelvin");

        var found = await scim.GetAsync($"/Users?filter={Uri.EscapeDataString("userName eq \"kelvin\"")}");
        var duplicate = await scim.PostAsync("/Users", """{"userName":"kelvin"}""");

        Assert.Equal(id, Assert.Single(found.Resources)!["id"]!.GetValue<string>());
        duplicate.AssertError(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task Post_SameUserNameInAnotherTenant_IsAllowed()
    {
        var first = await factory.NewTenantAsync();
        var second = await factory.NewTenantAsync();
        await first.CreateUserAsync("shared-name");

        await second.CreateUserAsync("shared-name");
    }

    [Theory]
    [InlineData("""{"active":true}""", "invalidValue")]
    [InlineData("""{"userName":"x","active":"maybe"}""", "invalidValue")]
    [InlineData("""{"userName":"x","name":"not-an-object"}""", "invalidValue")]
    [InlineData("""{"userName":"x","emails":[{"value":"a","primary":true},{"value":"b","primary":true}]}""", "invalidValue")]
    [InlineData("""{"userName": """, "invalidSyntax")]
    [InlineData("""["userName"]""", "invalidSyntax")]
    public async Task Post_BadBody_Returns400WithScimType(string body, string scimType)
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Users", body);

        response.AssertError(HttpStatusCode.BadRequest, scimType);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413()
    {
        var scim = await factory.NewTenantAsync();
        var big = new string('x', 70_000);

        var response = await scim.PostAsync("/Users", $$"""{"userName":"big","title":"{{big}}"}""");

        response.AssertError(HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task Post_BodyOfUnannouncedLength_IsReadWhole_UpToTheLimit()
    {
        var scim = await factory.NewTenantAsync();
        var title = new string('t', 40_000);

        var response = await PostWithoutLengthAsync(scim, $$"""{"userName":"streamed","title":"{{title}}"}""");
        var read = await scim.GetAsync($"/Users/{response.Id}");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(title, read.Body!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_BodyOfUnannouncedLength_OverTheLimit_Returns413()
    {
        var scim = await factory.NewTenantAsync();
        var big = new string('x', 70_000);

        var response = await PostWithoutLengthAsync(scim, $$"""{"userName":"big","title":"{{big}}"}""");

        response.AssertError(HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400InvalidSyntax()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Users", "");

        response.AssertError(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    /// <summary>POSTs a user without a Content-Length header, as a client streaming its body does.</summary>
    private static Task<ScimResponse> PostWithoutLengthAsync(ScimClient scim, string json) =>
        scim.SendAsync(HttpMethod.Post, "/Users", null, configure: request => request.Content = new UnannouncedLengthContent(json));

    /// <summary>A body sent without Content-Length, as a client streaming it does.</summary>
    private sealed class UnannouncedLengthContent : HttpContent
    {
        private readonly byte[] utf8;

        public UnannouncedLengthContent(string json)
        {
            utf8 = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(utf8).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task Post_UnknownAttributesAndReadOnlyOnes_AreIgnored()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Users", """
            {"userName":"ignore-me","adreses":[{"country":"X"}],"id":"client-id","meta":{"created":"2019-01-01T00:00:00Z"},
             "groups":[{"value":"g"}],"urn:example:unknown:2.0:User":{"x":1}}
            """);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.NotEqual("client-id", response.Id);
        Assert.Null(response.Body!["adreses"]);
        Assert.Null(response.Body["groups"]);
        Assert.NotEqual("2019-01-01T00:00:00Z", response.Body["meta"]!["created"]!.GetValue<string>());
    }

    /// <summary>A list reads users from the store, where PostgreSQL's jsonb keeps no key order; the answer keeps schema order.</summary>
    [Fact]
    public async Task List_ReturnsAStoredUserInSchemaOrder_WhateverOrderItWasSentIn()
    {
        var scim = await factory.NewTenantAsync();
        const string enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        await scim.PostAsync("/Users", $$"""
            {"{{enterprise}}":{"manager":{"value":"m-1"},"department":"R&D","employeeNumber":"7"},
             "emails":[{"primary":true,"type":"work","value":"ordered@example.com"}],"active":true,"name":{"givenName":"Ada","familyName":"Lovelace"},
             "externalId":"x-ordered","userName":"ordered","schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{enterprise}}"]}
            """);

        var user = Assert.Single((await scim.GetAsync($"/Users?filter={Uri.EscapeDataString("userName eq \"ordered\"")}")).Resources)!;

        Assert.Equal(["schemas", "id", "externalId", "userName", "name", "active", "emails", enterprise, "meta"], user.AsObject().Select(p => p.Key));
        Assert.Equal(["familyName", "givenName"], user["name"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["value", "type", "primary"], user["emails"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["employeeNumber", "department", "manager"], user[enterprise]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Post_ApplicationJson_IsAccepted()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.SendAsync(HttpMethod.Post, "/Users", """{"userName":"json-user"}""", mediaType: "application/json");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("application/scim+json", response.MediaType);
    }

    [Fact]
    public async Task Get_UnknownOrMalformedId_Returns404()
    {
        var scim = await factory.NewTenantAsync();

        (await scim.GetAsync($"/Users/{Guid.NewGuid()}")).AssertError(HttpStatusCode.NotFound, null);
        (await scim.GetAsync("/Users/010101001010101011001010101011")).AssertError(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Put_ReplacesReadWriteAttributes_KeepsIdAndCreated()
    {
        var scim = await factory.NewTenantAsync();
        var created = await scim.PostAsync("/Users", """{"userName":"put-user","title":"Engineer","nickName":"Babs"}""");

        var response = await scim.PutAsync($"/Users/{created.Id}", """{"id":"other","userName":"put-user","title":"Manager"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(created.Id, response.Id);
        Assert.Equal("Manager", response.Body!["title"]!.GetValue<string>());
        Assert.Null(response.Body["nickName"]);
        Assert.Equal(created.Body!["meta"]!["created"]!.GetValue<string>(), response.Body["meta"]!["created"]!.GetValue<string>());
        Assert.Equal("W/\"2\"", response.Body["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_WithoutUserName_Returns400()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("put-missing");

        var response = await scim.PutAsync($"/Users/{id}", """{"userame":"typo"}""");

        response.AssertError(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task Put_UserNameTakenByAnother_Returns409()
    {
        var scim = await factory.NewTenantAsync();
        await scim.CreateUserAsync("taken");
        var id = await scim.CreateUserAsync("free");

        var response = await scim.PutAsync($"/Users/{id}", """{"userName":"TAKEN"}""");

        response.AssertError(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task Patch_OktaToken_Returns200WithResource()
    {
        var scim = await factory.NewTenantAsync("okta");
        var id = await scim.CreateUserAsync("patch-okta");

        var response = await scim.PatchAsync($"/Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"CTO"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("CTO", response.Body!["title"]!.GetValue<string>());
        Assert.Equal("W/\"2\"", response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task PostAndPut_HonourAttributesAndExcludedAttributes_AndNeverReturnThePassword()
    {
        var scim = await factory.NewTenantAsync();
        const string body = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"projected","title":"CTO","password":"s3cret-Pass",
             "emails":[{"value":"p@x.org","type":"work"}]}
            """;

        var created = await scim.PostAsync("/Users?attributes=title,password", body);
        var replaced = await scim.PutAsync($"/Users/{created.Id}?excludedAttributes=emails,title", body.Replace("CTO", "CEO"));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("CTO", created.Body!["title"]!.GetValue<string>());
        Assert.NotNull(created.Body["id"]);
        Assert.Null(created.Body["userName"]);
        Assert.Null(created.Body["password"]);
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("projected", replaced.Body!["userName"]!.GetValue<string>());
        Assert.Null(replaced.Body["emails"]);
        Assert.Null(replaced.Body["title"]);
        Assert.Null(replaced.Body["password"]);
        Assert.Equal("CEO", (await scim.GetAsync($"/Users/{created.Id}")).Body!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_EntraToken_Returns204_UnlessAttributesAreAsked()
    {
        var scim = await factory.NewTenantAsync("entra");
        var id = await scim.CreateUserAsync("patch-entra");
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"title","value":"CFO"}]}""";

        var silent = await scim.PatchAsync($"/Users/{id}", body);
        var projected = await scim.PatchAsync($"/Users/{id}?attributes=title", body);

        Assert.Equal(HttpStatusCode.NoContent, silent.Status);
        Assert.Equal(HttpStatusCode.OK, projected.Status);
        Assert.Equal("CFO", projected.Body!["title"]!.GetValue<string>());
        Assert.Null(projected.Body["userName"]);
    }

    [Theory]
    [InlineData("""{"Operations":[{"op":"replace","path":"nonsense","value":"x"}]}""", "invalidPath")]
    [InlineData("""{"Operations":[{"op":"remove"}]}""", "noTarget")]
    [InlineData("""{"Operations":[{"op":"replace","path":"id","value":"x"}]}""", "mutability")]
    [InlineData("""{"Operations":[{"op":"replace","path":"meta.created","value":"2020-01-01T00:00:00Z"}]}""", "mutability")]
    [InlineData("""{"Operations":[{"op":"remove","path":"userName"}]}""", "invalidValue")]
    [InlineData("""{"Operations":[{"op":"replace","path":"active","value":"nope"}]}""", "invalidValue")]
    [InlineData("""{"Operations":[{"op":"move","path":"title","value":"x"}]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"replace","path":"emails[type eq ]","value":"x"}]}""", "invalidFilter")]
    [InlineData("""{"Operations":[{"op":"replace","path":"emails[type eq \"work\"]","value":{"value":"x@y"}}]}""", "noTarget")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "invalidSyntax")]
    public async Task Patch_BadOperation_Returns400WithScimType(string body, string scimType)
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("patch-bad");

        (await scim.PatchAsync($"/Users/{id}", body)).AssertError(HttpStatusCode.BadRequest, scimType);
    }

    [Fact]
    public async Task Patch_MoreOperationsThanAllowed_Returns400TooMany()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("too-many");
        var operations = string.Join(",", Enumerable.Repeat("""{"op":"add","path":"title","value":"x"}""", 1001));

        var response = await scim.PatchAsync($"/Users/{id}", $$"""{"Operations":[{{operations}}]}""");

        response.AssertError(HttpStatusCode.BadRequest, "tooMany");
    }

    [Fact]
    public async Task Patch_FailingLaterOperation_LeavesTheUserUnchanged()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("atomic", ""","title":"Before" """);

        var response = await scim.PatchAsync($"/Users/{id}", """
            {"Operations":[{"op":"replace","path":"title","value":"After"},{"op":"replace","path":"nonsense","value":1}]}
            """);
        var after = await scim.GetAsync($"/Users/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Before", after.Body!["title"]!.GetValue<string>());
        Assert.Equal("W/\"1\"", after.Body["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_ThatRestatesTheValues_KeepsTheVersion_AndOneThatChangesThem_WritesTheNext()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("steady", ""","title":"Teacher","emails":[{"value":"s@example.com","type":"work","primary":true}]""");

        var same = await scim.PatchAsync($"/Users/{id}", """
            {"Operations":[{"op":"replace","path":"title","value":"Teacher"},
              {"op":"replace","value":{"emails":[{"primary":true,"type":"work","value":"s@example.com"}]}}]}
            """);
        var changed = await scim.PatchAsync($"/Users/{id}", """{"Operations":[{"op":"replace","path":"title","value":"Head teacher"}]}""");

        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Equal("W/\"1\"", same.Body!["meta"]!["version"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("W/\"2\"", changed.Body!["meta"]!["version"]!.GetValue<string>());
        Assert.Equal("Head teacher", changed.Body["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_RemovesTheUser_ThenGetIs404()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("to-delete");

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Users/{id}")).Status);
        (await scim.GetAsync($"/Users/{id}")).AssertError(HttpStatusCode.NotFound, null);
        (await scim.DeleteAsync($"/Users/{id}")).AssertError(HttpStatusCode.NotFound, null);
        await scim.CreateUserAsync("to-delete");
    }

    [Fact]
    public async Task IfMatch_StaleVersion_Returns412_AndCurrentVersionSucceeds()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("etag-user");
        const string body = """{"Operations":[{"op":"replace","path":"title","value":"x"}]}""";

        var stale = await scim.SendAsync(HttpMethod.Patch, $"/Users/{id}", body, configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"7\""));
        var current = await scim.SendAsync(HttpMethod.Patch, $"/Users/{id}", body, configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"1\""));
        var staleDelete = await scim.SendAsync(HttpMethod.Delete, $"/Users/{id}", null, configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"1\""));

        stale.AssertError(HttpStatusCode.PreconditionFailed, null);
        Assert.Equal(HttpStatusCode.OK, current.Status);
        staleDelete.AssertError(HttpStatusCode.PreconditionFailed, null);
    }

    [Fact]
    public async Task IfNoneMatch_CurrentVersion_Returns304()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("inm-user");

        var response = await scim.SendAsync(HttpMethod.Get, $"/Users/{id}", null, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", "W/\"1\""));

        Assert.Equal(HttpStatusCode.NotModified, response.Status);
    }

    [Fact]
    public async Task Patch_BareExtensionUrnPath_AddsReplacesAndRemovesTheWholeExtension()
    {
        const string enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("whole.extension");

        var added = await scim.PatchAsync($"/Users/{id}", ScimMessages.Patch($$$"""[{"op":"add","path":"{{{enterprise}}}","value":{"employeeNumber":"7","department":"Sales"}}]"""));
        var replaced = await scim.PatchAsync($"/Users/{id}", ScimMessages.Patch($$$"""[{"op":"replace","path":"{{{enterprise}}}","value":{"department":"Support"}}]"""));
        var removed = await scim.PatchAsync($"/Users/{id}", ScimMessages.Patch($$"""[{"op":"remove","path":"{{enterprise}}"}]"""));

        Assert.Equal("Sales", added.Body![enterprise]!["department"]!.GetValue<string>());
        Assert.Equal("7", replaced.Body![enterprise]!["employeeNumber"]!.GetValue<string>());
        Assert.Equal("Support", replaced.Body[enterprise]!["department"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Null(removed.Body![enterprise]);
    }

    [Fact]
    public async Task Post_LeavesNoActivationOfTheNewUser_UntilItIsCalled()
    {
        var scim = await factory.NewTenantAsync();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var userGrains = ((GrainReference)(object)grains.GetGrain<IUserGrain>("-")).GrainId.Type;
        async Task<int> ActiveUsersOfTheTenantAsync() => (await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(userGrains))
            .Count(grain => grain.Key.ToString()!.StartsWith(scim.Tenant + "/", StringComparison.Ordinal));

        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await scim.CreateUserAsync($"new{i}", $$""","emails":[{"value":"new{{i}}@example.com","primary":true}]"""));
        var activeAfterCreates = await ActiveUsersOfTheTenantAsync();
        foreach (var id in ids) Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync($"/Users/{id}")).Status);
        var activeAfterReads = await ActiveUsersOfTheTenantAsync();

        Assert.Equal(0, activeAfterCreates);
        Assert.Equal(ids.Count, activeAfterReads);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : UserEndpointsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : UserEndpointsTests(factory);
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Tenants;

namespace Scim.Grains.Tests.Serialization;

/// <summary>Every contract that crosses a grain boundary survives the Orleans serializer unchanged.</summary>
public sealed class ContractSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    [Fact]
    public void ScimException_KeepsStatusScimTypeAndDetail()
    {
        var copy = RoundTrip(ScimException.Uniqueness("userName 'x' is already in use."));
        Assert.Equal((409, "uniqueness", "userName 'x' is already in use."), (copy.Status, copy.ScimType, copy.Detail));
    }

    [Fact]
    public void Records_RoundTrip()
    {
        var snapshot = new ResourceSnapshot("id", 3, "W/\"3\"", "http://h/scim/v2/t/Users/id", "{\"id\":\"id\"}");
        var list = new ListResult(10, 2, [new RenderedResource("{}"), new RenderedResource("{\"a\":1}")]);
        var patch = new PatchRequest([new PatchOperation("add", "members", "[{\"value\":\"x\"}]"), new PatchOperation("remove", null, null)]);
        var render = new RenderOptions("http://h/scim/v2/t", "userName", null);
        var query = new ListQuery("userName eq \"x\"", 1, 100);
        var check = new TokenCheck(true, new TokenIdentity("tid", "okta"));
        var tenant = new TenantInfo("acme", "Acme", DateTimeOffset.UnixEpoch, "root-1");
        var token = new TokenInfo("tid", "Entra", "entra", DateTimeOffset.UnixEpoch, "admin@acme.example", null, "active", null);

        Assert.Equal(snapshot, RoundTrip(snapshot));
        Assert.Equal(new ResourceVersion(3, "W/\"3\""), RoundTrip(new ResourceVersion(3, "W/\"3\"")));
        Assert.Equal(list.Resources, RoundTrip(list).Resources);
        Assert.Equal(patch.Operations, RoundTrip(patch).Operations);
        Assert.Equal(render, RoundTrip(render));
        Assert.Equal(query, RoundTrip(query));
        Assert.Equal(check, RoundTrip(check));
        Assert.Equal(tenant, RoundTrip(tenant));
        Assert.Equal(token, RoundTrip(token));
        Assert.Equal(ResourceKind.Group, RoundTrip(ResourceKind.Group));
    }

    [Fact]
    public void GroupContracts_RoundTrip()
    {
        var more = new MembersToStream("g", "{\"id\":\"g\",", "{\"value\":\"m-1\"}", "}", "m-1000");
        var snapshot = new ResourceSnapshot("g", 2, "W/\"2\"", "http://h/scim/v2/t/Groups/g", "", more);
        var list = new ListResult(1, 1, [new RenderedResource("", more), new RenderedResource("{}")]);
        var listing = new MemberListing([new MemberEntry("u", "user@x", [MembershipSource.Scim, MembershipSource.Manual])], "u");
        var page = new GroupPage([new GroupNode("g", "Group")], null);

        Assert.Equal(snapshot, RoundTrip(snapshot));
        Assert.Equal(list.Resources, RoundTrip(list).Resources);
        Assert.Equal(new MemberChunk("{\"value\":\"m\"}", "m"), RoundTrip(new MemberChunk("{\"value\":\"m\"}", "m")));
        Assert.Equal(listing.Members[0].Sources, RoundTrip(listing).Members[0].Sources);
        Assert.Equal(page.Groups, RoundTrip(page).Groups);
        Assert.Equal(new GroupMember("m", null), RoundTrip(new GroupMember("m", null)));
    }

    [Fact]
    public void TokenSetState_RoundTrips()
    {
        var state = new TokenSetState { TenantExists = true, Tokens = [new TokenRecord("t", [1, 2, 3], "okta", DateTimeOffset.UnixEpoch)] };
        var copy = RoundTrip(state);
        Assert.True(copy.TenantExists);
        Assert.Equal([1, 2, 3], Assert.Single(copy.Tokens).SecretHash);
    }
}

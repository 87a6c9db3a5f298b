using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Grains.Tests.Grains;

/// <summary>An import's batch of new users, created at once: each row gets its own outcome, in the batch's order.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UserCreationGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task ImportedUsersCreatedAtOnce_EachGetItsOwnOutcome_InOrder_WithTheirInvitations()
    {
        var tenant = "imp-" + Guid.NewGuid().ToString("N")[..10];
        await Grains.GetGrain<ITenantGrain>(tenant).CreateAsync("Import");
        await NewUsers.CreateAsync(Grains, tenant, """{"userName":"taken@example.com"}""", new RenderOptions("http://test/scim/v2/t"));
        var bodies = Enumerable.Range(0, 30).Select(i => i switch
        {
            12 => """{"userName":"TAKEN@example.com"}""",
            20 => """{"userName":"odd@example.com","active":"perhaps"}""",
            _ => $$"""{"userName":"new{{i}}@example.com","emails":[{"value":"new{{i}}@example.com","primary":true}]}""",
        }).ToList();

        var outcomes = await Grains.GetGrain<IUserCreationGrain>(tenant).CreateImportedUsersAsync(bodies, invite: true);

        Assert.Equal(30, outcomes.Count);
        Assert.Contains("already in use", outcomes[12].Refusal);
        Assert.Contains("perhaps", outcomes[20].Refusal);
        Assert.Null(outcomes[12].Id);
        var created = outcomes.Select((outcome, i) => (outcome, i)).Where(o => o.i is not (12 or 20)).ToList();
        var mail = await fixture.Store.LatestAsync(tenant, [.. created.Select(o => o.outcome.Id!)], CancellationToken.None);
        foreach (var (outcome, i) in created)
        {
            var user = await fixture.Store.GetAsync(tenant, ResourceKind.User, outcome.Id!, CancellationToken.None);
            Assert.Equal($"new{i}@example.com", ResourceDocument.GetString(user!.Document, "userName"));
            Assert.True(user.CreatedByPlatform);
            Assert.Equal(MailKind.Invitation, mail[outcome.Id!].Kind);
        }
    }
}

using Scim.Grains.Platform;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Testing;

namespace Scim.Grains.Tests.Grains;

/// <summary>The lockout is kept with the account in grain storage: a restarted cluster on the same database still refuses.</summary>
public sealed class AccountLockoutTests
{
    private static readonly RenderOptions Render = new("http://test/scim/v2/t");

    [Fact]
    public async Task ALockedAccount_StaysLocked_WhenTheWholeClusterRestarts()
    {
        var database = TestDatabase.Create();
        try
        {
            var (tenant, id) = ("lock-" + Guid.NewGuid().ToString("N")[..8], Guid.NewGuid().ToString());
            await using (var first = await PostgresCluster.StartAsync(database))
            {
                var grains = first.Cluster.GrainFactory;
                await NewUsers.CreateAsync(grains, tenant, """{"userName":"locked","password":"the right passphrase"}""", Render, id);
                var account = grains.GetGrain<IAccountGrain>(ResourceKeys.Of(tenant, id));
                for (var i = 0; i < AccountGrain.MaxFailures; i++) await account.SignInAsync("wrong " + i);
            }

            await using var second = await PostgresCluster.StartAsync(database);
            var afterRestart = await second.Cluster.GrainFactory.GetGrain<IAccountGrain>(ResourceKeys.Of(tenant, id)).SignInAsync("the right passphrase");

            Assert.Equal(SignInOutcome.LockedOut, afterRestart.Outcome);
        }
        finally
        {
            database.Drop();
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class AccountGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AHashOfTheEarlierFormat_SignsIn_AndIsMadeAgainInTheCurrentFormat()
    {
        var (tenant, id) = ("acct-" + Guid.NewGuid().ToString("N")[..8], Guid.NewGuid().ToString());
        var salt = RandomNumberGenerator.GetBytes(16);
        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("an old passphrase"), salt, 1000, HashAlgorithmName.SHA256, 32);
        var attributes = new JsonObject
        {
            ["userName"] = "old.hash",
            ["password"] = $"pbkdf2-sha256$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(derived)}",
        };
        var now = DateTimeOffset.UtcNow;
        var document = ResourceDocument.Compose(ResourceSchema.User, id, attributes, new ResourceMeta(now, now, 1));
        await fixture.Store.InsertAsync(new StoredResource(tenant, ResourceKind.User, id, 1, document), MembershipChange.None, null, CancellationToken.None);

        var signedIn = await fixture.Cluster.GrainFactory.GetGrain<IAccountGrain>(ResourceKeys.Of(tenant, id)).SignInAsync("an old passphrase");
        var stored = PasswordHashes.Of((await fixture.Store.GetAsync(tenant, ResourceKind.User, id, CancellationToken.None))!.Document)!;

        Assert.Equal(SignInOutcome.SignedIn, signedIn.Outcome);
        Assert.DoesNotContain("pbkdf2-sha256", stored);
        Assert.Equal(PasswordCheck.Matches, PasswordHashes.Verify(stored, "an old passphrase"));
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;

namespace Scim.Grains.Tests.Documents;

public sealed class PasswordHashesTests
{
    [Fact]
    public void AHash_VerifiesItsPasswordOnly()
    {
        var hash = PasswordHashes.Hash("correct horse battery");

        Assert.Equal(PasswordCheck.Matches, PasswordHashes.Verify(hash, "correct horse battery"));
        Assert.Equal(PasswordCheck.Failed, PasswordHashes.Verify(hash, "Correct horse battery"));
        Assert.DoesNotContain("correct horse battery", hash);
    }

    [Fact]
    public void AHashOfTheEarlierFormat_StillVerifies_AndAsksToBeMadeAgain()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("old password"), salt, 1000, HashAlgorithmName.SHA256, 32);
        var legacy = $"pbkdf2-sha256$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(derived)}";

        Assert.Equal(PasswordCheck.RehashNeeded, PasswordHashes.Verify(legacy, "old password"));
        Assert.Equal(PasswordCheck.Failed, PasswordHashes.Verify(legacy, "another password"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a hash at all")]
    [InlineData("pbkdf2-sha256$x$y$z")]
    public void NoOrAMalformedHash_MatchesNothing(string? stored) =>
        Assert.Equal(PasswordCheck.Failed, PasswordHashes.Verify(stored, "any password"));

    [Fact]
    public void AValueThatLooksLikeAHash_IsHashedAsAPassword_SoNoClientPlantsOne()
    {
        var planted = PasswordHashes.Hash("attacker's choice");
        var attributes = new JsonObject { ["password"] = planted };

        PasswordHashes.HashNew(attributes, new JsonObject { ["password"] = PasswordHashes.Hash("the user's own") });

        Assert.NotEqual(planted, attributes["password"]!.GetValue<string>());
        Assert.Equal(PasswordCheck.Matches, PasswordHashes.Verify(attributes["password"]!.GetValue<string>(), planted));
    }

    [Fact]
    public void TheStoredHash_KeptByAWrite_StaysAsItIs()
    {
        var stored = new JsonObject { ["password"] = PasswordHashes.Hash("the user's own") };
        var attributes = new JsonObject { ["password"] = stored["password"]!.GetValue<string>(), ["nickName"] = "Ann" };

        PasswordHashes.HashNew(attributes, stored);

        Assert.Equal(stored["password"]!.GetValue<string>(), attributes["password"]!.GetValue<string>());
    }
}

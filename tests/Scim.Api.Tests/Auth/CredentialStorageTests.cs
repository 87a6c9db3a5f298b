using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Auth;

/// <summary>
/// Tokens and admin keys are minted in the API process: grain storage keeps the SHA-256 of each secret, never the
/// secret, and what it keeps is what authenticates. Read from the database the cluster writes its grain state to.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CredentialStorageTests(PostgresApiFactory factory)
{
    [Fact]
    public async Task IssuedTokenAndAdminKey_AreStoredAsHashesOnly_AndStillAuthenticate()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var tokenSecret = scim.Token[(scim.Token.IndexOf('.') + 1)..];
        var keySecret = scim.AdminKey[(scim.AdminKey.IndexOf('.') + 1)..];

        var stored = await StoredGrainStateAsync();

        Assert.DoesNotContain(tokenSecret, stored);
        Assert.DoesNotContain(keySecret, stored);
        Assert.Contains(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(tokenSecret))), stored);
        Assert.Contains(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(keySecret))), stored);
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/Users")).Status);
        using var platform = factory.Clients.PlatformAdmin(scim.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/api/v1/tenants/{scim.Tenant}/scim/tokens")).StatusCode);
    }

    /// <summary>Every grain state row, as text (the state is stored as JSON).</summary>
    private async Task<string> StoredGrainStateAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(factory.DatabaseConnectionString);
        await using var command = dataSource.CreateCommand("SELECT payload_binary FROM orleans_storage WHERE payload_binary IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync()) text.Append(Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(0))).Append('\n');
        return text.ToString();
    }
}

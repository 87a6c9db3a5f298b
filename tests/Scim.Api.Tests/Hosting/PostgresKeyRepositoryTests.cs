using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Scim.Api.Hosting;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Hosting;

/// <summary>
/// Data Protection's key ring in PostgreSQL: what one process protects (a session cookie, a tenant's client secret)
/// another opens, with nothing shared between them but the database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresKeyRepositoryTests(PostgresApiFactory factory)
{
    private IDataProtector NewProcess()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("scim-service");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresKeyRepository(factory.DatabaseConnectionString));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    [Fact]
    public async Task WhatOneProcessProtects_AnotherOpens_ThroughTheKeysInTheDatabase()
    {
        factory.StartServer(); // the silo's migrations make the table

        var protectedText = NewProcess().Protect("a tenant's client secret");
        var opened = NewProcess().Unprotect(protectedText);
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.OpenAsync();
        var keys = (long)(await new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection).ExecuteScalarAsync())!;

        Assert.Equal("a tenant's client secret", opened);
        Assert.True(keys >= 1);
    }
}

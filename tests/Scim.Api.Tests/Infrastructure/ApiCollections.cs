namespace Scim.Api.Tests.Infrastructure;

/// <summary>The HTTP tests of the in-memory backend share one in-process service.</summary>
[CollectionDefinition(Name)]
public sealed class InMemoryCollection : ICollectionFixture<InMemoryApiFactory>
{
    public const string Name = "api-in-memory";
}

/// <summary>The HTTP tests of the PostgreSQL backend share one in-process service on a database of their own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApiFactory>
{
    public const string Name = "api-postgres";
}

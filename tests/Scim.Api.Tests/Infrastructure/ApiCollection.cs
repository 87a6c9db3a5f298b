namespace Scim.Api.Tests.Infrastructure;

/// <summary>All HTTP tests share one in-process service (one silo per process).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ScimApiFactory>
{
    public const string Name = "api";
}

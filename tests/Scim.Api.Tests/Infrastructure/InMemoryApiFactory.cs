namespace Scim.Api.Tests.Infrastructure;

/// <summary>Single-node mode: localhost clustering, in-memory storage.</summary>
public sealed class InMemoryApiFactory : ScimApiFactory
{
    public override string Backend => "in-memory";
}

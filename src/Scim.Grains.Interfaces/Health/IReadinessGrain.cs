namespace Scim.Grains.Interfaces.Health;

/// <summary>Answers when a silo can serve: reached through the cluster, it checks the resource store (the database).</summary>
[Alias("scim.IReadinessGrain")]
public interface IReadinessGrain : IGrainWithIntegerKey
{
    /// <summary>Completes when the store answers; throws a 503 ScimException when it does not.</summary>
    Task CheckAsync();
}

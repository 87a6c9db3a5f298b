namespace Scim.Grains.Interfaces.Groups;

/// <summary>A silo's receiver of the announcements of <see cref="IGroupsEpochGrain"/>, for every tenant it leases.</summary>
[Alias("scim.IGroupsEpochObserver")]
public interface IGroupsEpochObserver : IGrainObserver
{
    /// <summary>A tenant's groups changed.</summary>
    Task AdvancedAsync(string tenant);

    /// <summary>The tenant's announcer stops (its activation ends): the lease is over before it runs out.</summary>
    Task LeaseEndedAsync(string tenant);
}

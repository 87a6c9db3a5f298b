namespace Scim.Grains.Interfaces.Groups;

/// <summary>
/// Where a tenant's group changes are announced, keyed by tenant: each silo leases the announcements for a short while
/// and renews the lease while its users are read. A change (a membership, a group's name, the tree, a group created or
/// deleted) is announced to every leased silo before it is acknowledged, so a silo holding a lease has missed none.
/// </summary>
[Alias("scim.IGroupsEpochGrain")]
public interface IGroupsEpochGrain : IGrainWithStringKey
{
    /// <summary>
    /// Leases the announcements to <paramref name="observer"/> for the lease's length from now. True when the observer
    /// missed no announcement since its last lease was granted: that lease is still held, current or run out with no
    /// change announced since.
    /// </summary>
    Task<bool> LeaseAsync(IGroupsEpochObserver observer);

    /// <summary>Announces a change to every leased silo: called after each change to the tenant's groups, whatever its outcome.</summary>
    Task AdvanceAsync();
}

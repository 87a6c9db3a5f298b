namespace Scim.Grains.Interfaces.Groups;

/// <summary>
/// The epoch of a tenant's groups, keyed by tenant: a new one begins at every change that can change a user's groups
/// (a membership, a group's name, the tree, a group created or deleted), before that change is acknowledged. A user's
/// groups read while an epoch is current stay true until the epoch changes, so they can be held instead of read again.
/// </summary>
[Alias("scim.IGroupsEpochGrain")]
public interface IGroupsEpochGrain : IGrainWithStringKey
{
    /// <summary>The current epoch.</summary>
    Task<Guid> CurrentAsync();

    /// <summary>Begins a new epoch: called after each change to the tenant's groups, whatever the change's outcome.</summary>
    Task AdvanceAsync();
}

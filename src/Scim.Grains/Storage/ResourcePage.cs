namespace Scim.Grains.Storage;

/// <summary>One page of a query: how many resources matched in all, and those of the page.</summary>
public sealed record ResourcePage(int TotalResults, IReadOnlyList<StoredResource> Resources);

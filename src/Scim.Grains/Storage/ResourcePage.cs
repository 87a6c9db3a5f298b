using Scim.Grains.Documents;

namespace Scim.Grains.Storage;

/// <summary>One page of a query: how many resources matched in all, those of the page, and their groups when asked for.</summary>
public sealed record ResourcePage(int TotalResults, IReadOnlyList<StoredResource> Resources,
    IReadOnlyDictionary<string, IReadOnlyList<UserGroup>>? Groups = null);

using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// A rendered resource: its id, its version (the ETag is <c>W/"{Version}"</c>), its URL (<c>meta.location</c>, also
/// the Location header of a 201) and its JSON body; for a large group, where the rest of its members go.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ResourceSnapshot")]
public sealed record ResourceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] string Location,
    [property: Id(3)] string Json,
    [property: Id(4)] MembersToStream? MoreMembers = null)
{
    public string ETag => EntityTags.Of(Version);
}

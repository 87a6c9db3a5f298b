using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// A rendered resource: its id, its version and entity tag (<c>meta.version</c>, the ETag header), its URL
/// (<c>meta.location</c>, also the Location header of a 201) and its JSON body, or for a large group, empty JSON and the
/// group in parts (<see cref="Groups.MembersToStream"/>). <see cref="NotModified"/>: a conditional read found the version the caller holds, so nothing was
/// rendered (a 304). <see cref="Note"/>: what the write set going that the provisioning log should say (a create's e-mail).
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ResourceSnapshot")]
public sealed record ResourceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] string ETag,
    [property: Id(3)] string Location,
    [property: Id(4)] string Json,
    [property: Id(5)] MembersToStream? MoreMembers = null,
    [property: Id(6)] bool NotModified = false,
    [property: Id(7)] string? Note = null);

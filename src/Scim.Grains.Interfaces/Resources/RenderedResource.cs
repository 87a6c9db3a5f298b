using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// A resource rendered for a response: its JSON, or for a group too large to render in one call, empty JSON and the
/// group in parts (<see cref="MembersToStream"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.RenderedResource")]
public sealed record RenderedResource([property: Id(0)] string Json, [property: Id(1)] MembersToStream? MoreMembers = null);

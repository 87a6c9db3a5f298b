using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>A resource rendered for a response, and for a large group where the rest of its members go.</summary>
[GenerateSerializer, Immutable, Alias("scim.RenderedResource")]
public sealed record RenderedResource([property: Id(0)] string Json, [property: Id(1)] MembersToStream? MoreMembers = null);

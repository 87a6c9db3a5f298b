namespace Scim.Grains.Interfaces.Groups;

/// <summary>A SCIM-managed member of a group: the member's id and the label the IdP gave it, if any.</summary>
[GenerateSerializer, Immutable, Alias("scim.GroupMember")]
public sealed record GroupMember([property: Id(0)] string MemberId, [property: Id(1)] string? Display);

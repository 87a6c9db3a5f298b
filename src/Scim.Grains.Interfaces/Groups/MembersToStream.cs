namespace Scim.Grains.Interfaces.Groups;

/// <summary>
/// A group too large to render in one grain call, in parts for the caller to write: the group's text before its
/// members array (ending where <c>"members":[</c> goes), the first chunk of members, the text after the array, and the
/// member id after which the next chunks are read from the group grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.MembersToStream")]
public sealed record MembersToStream(
    [property: Id(0)] string GroupId,
    [property: Id(1)] string Before,
    [property: Id(2)] string FirstMembers,
    [property: Id(3)] string After,
    [property: Id(4)] string NextAfter);

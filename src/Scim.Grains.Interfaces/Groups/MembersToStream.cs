namespace Scim.Grains.Interfaces.Groups;

/// <summary>
/// A rendered group whose members did not all fit in it (a large group is never rendered in one grain call): the
/// first chunk is in the JSON, the rest are read in chunks from the group grain after <see cref="After"/> and written
/// at character <see cref="At"/> of the JSON, just before the members array's closing bracket (so the character
/// before it is '[' while the array is still empty).
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.MembersToStream")]
public sealed record MembersToStream(
    [property: Id(0)] string GroupId,
    [property: Id(1)] int At,
    [property: Id(2)] string After);

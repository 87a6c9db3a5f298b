namespace Scim.Grains.Interfaces.Groups;

/// <summary>
/// A rendered group whose members did not all fit in it (a large group is never rendered in one grain call): the
/// first page is in the JSON, the rest are read in chunks from the group grain after <see cref="After"/> and written
/// at character <see cref="At"/> of the JSON (just before the members array's closing bracket). <see cref="Inlined"/>
/// tells whether the array already holds a member, so that a comma goes first.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.MembersToStream")]
public sealed record MembersToStream(
    [property: Id(0)] string GroupId,
    [property: Id(1)] int At,
    [property: Id(2)] string After,
    [property: Id(3)] bool Inlined);

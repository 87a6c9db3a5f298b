namespace Scim.Grains.Storage;

/// <summary>A SCIM-managed member of a group: the member's id and the label the IdP gave it, if any.</summary>
public sealed record GroupMember(string MemberId, string? Display);

namespace Scim.Grains.Documents;

/// <summary>A group a user is in, as User.groups shows it: direct (a member of it) or indirect (a member of a descendant).</summary>
public sealed record UserGroup(string GroupId, string? DisplayName, bool Direct);

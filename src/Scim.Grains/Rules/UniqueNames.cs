using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Rules;

/// <summary>
/// A tenant's users are unique by userName and its groups by displayName, in any case (RFC 7643 §4.1: userName is
/// unique and not case-exact; Okta tests it with an all-caps duplicate, O2). The key is decided here; the in-memory
/// store keeps an index of it under the tenant's lock, and on PostgreSQL the unique indexes <c>ux_scim_users_user_name</c>
/// and <c>ux_scim_groups_display_name</c> (migration 0008, on the same lowercased value) guard it against racing silos.
/// Either way a second owner is answered with <see cref="Taken"/>.
/// </summary>
/// <remarks>Tests: <c>UserEndpointsTests.Post_DuplicateUserNameInOtherCase_Returns409Uniqueness</c> (both stores),
/// <c>ConcurrencyTests.TwentyClientsPostingOneUserName_ExactlyOneWins</c> (both stores, under a race).</remarks>
public static class UniqueNames
{
    public static string Attribute(ResourceKind kind) => kind == ResourceKind.User ? "userName" : "displayName";

    /// <summary>The key two resources of a kind may not share: the unique attribute, lowercased.</summary>
    public static string? KeyOf(ResourceKind kind, JsonObject document) =>
        ResourceDocument.GetString(document, Attribute(kind)) is { } name ? Key(name) : null;

    /// <summary>The key of a unique name: what an <c>eq</c> lookup of that name matches.</summary>
    public static string Key(string name) => name.ToLowerInvariant();

    /// <summary>409 uniqueness: another resource of the tenant already has this resource's unique name.</summary>
    public static ScimException Taken(StoredResource resource) =>
        ScimException.Uniqueness($"{Attribute(resource.Kind)} '{ResourceDocument.GetString(resource.Document, Attribute(resource.Kind))}' is already in use.");
}

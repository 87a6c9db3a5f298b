using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;

namespace Scim.Grains.Deviations;

/// <summary>
/// Okta re-assigns a user it deactivated by POSTing the user again, with the same userName and externalId (O6). RFC 7644
/// §3.3 would answer 409 uniqueness; here that POST re-provisions the deactivated user: it replaces that user and keeps
/// its id. A POST that duplicates an active user is still a 409, and another userName with a reused externalId is a
/// new user. The user's grain decides racing re-POSTs: only one finds the user still deactivated.
/// </summary>
/// <remarks>Tests: <c>IdpQuirksTests.O6_RePostOfADeactivatedUserWithItsExternalId_ReactivatesTheSameUser</c>,
/// <c>ConcurrencyTests.ThirtyTwoRePostsReactivatingOneDeactivatedUser_ExactlyOneWins</c>.</remarks>
public sealed record OktaRePost(string UserName, string ExternalId)
{
    /// <summary>The re-POST a create's attributes could be, or null when they lack a userName or an externalId.</summary>
    public static OktaRePost? Of(JsonObject attributes) =>
        ResourceDocument.GetString(attributes, UniqueNames.Attribute(ResourceKind.User)) is { } userName
        && ResourceDocument.GetString(attributes, CommonAttributes.ExternalId.Name) is { } externalId
            ? new OktaRePost(userName, externalId)
            : null;

    /// <summary>The filter that finds the deactivated user this POST would re-provision.</summary>
    public FilterNode Match => new And(Filters.Eq(UniqueNames.Attribute(ResourceKind.User), LiteralKind.String, UserName),
        new And(Filters.Eq(CommonAttributes.ExternalId.Name, LiteralKind.String, ExternalId), Filters.Eq("active", LiteralKind.Boolean, "false")));

    /// <summary>Whether the user (read again in its own grain) is still deactivated with the re-POST's externalId.</summary>
    public static bool Fits(JsonObject user, string externalId) =>
        ResourceDocument.IsDeactivated(user) && ResourceDocument.GetString(user, CommonAttributes.ExternalId.Name) == externalId;
}

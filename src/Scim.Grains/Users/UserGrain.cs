using System.Text.Json.Nodes;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Users;

/// <summary>
/// A SCIM User, keyed <c>{tenant}/{id}</c>. A POST carrying the userName and externalId of a deactivated user
/// re-provisions that user (Okta re-assigns a user by re-POSTing it, O6): it is replaced by the body and keeps its id.
/// A POST that duplicates an active user is still a 409 (O3), and another userName with a reused externalId is a new user.
/// </summary>
internal sealed class UserGrain(IResourceStore store, TenantSchemas schemas, TimeProvider clock) : ResourceGrain(store, schemas, clock), IUserGrain
{
    protected override ResourceKind Kind => ResourceKind.User;

    protected override MembershipChange MembersOf(JsonObject body) => MembershipChange.None;

    protected override async Task<IResourceGrain?> DuplicateToReplaceAsync(JsonObject attributes)
    {
        if (ResourceDocument.GetString(attributes, CommonAttributes.ExternalId.Name) is not { } externalId
            || ResourceDocument.GetString(attributes, UniqueKeys.Attribute(ResourceKind.User)) is not { } userName) return null;
        static FilterNode Eq(string attribute, LiteralKind kind, string value) =>
            new Compare(new AttrPath(null, attribute, null), CompareOp.Eq, new ScimLiteral(kind, value));
        var sameDeactivatedUser = new And(Eq(UniqueKeys.Attribute(ResourceKind.User), LiteralKind.String, userName),
            new And(Eq(CommonAttributes.ExternalId.Name, LiteralKind.String, externalId), Eq("active", LiteralKind.Boolean, "false")));
        var found = await Store.QueryAsync(Tenant, new StoreQuery(Schema, sameDeactivatedUser, null, 1, 1), CancellationToken.None);
        return found.Resources is [var existing, ..] ? GrainFactory.GetGrain<IUserGrain>(ResourceKeys.Of(Tenant, existing.Id)) : null;
    }
}

using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// A column of <c>scim_resources</c> that holds an attribute beside the document (indexed, or used for order). Names
/// (userName, displayName, externalId) lead their own indexes, so an equality on one finds its rows without the tenant.
/// </summary>
internal sealed record ResourceColumn(string Sql, bool CaseExact = false, bool IsTimestamp = false, bool IsName = false)
{
    /// <summary>"pr" on the column: a value, and for text a non-empty one.</summary>
    public string Present => IsTimestamp ? $"({Sql} IS NOT NULL)" : $"({Sql} IS NOT NULL AND {Sql} <> '')";

    /// <summary>The column that holds the attribute, when there is one: id, externalId, meta.created/lastModified, userName, displayName.</summary>
    public static ResourceColumn? Of(ResolvedAttribute resolved, ResourceKind kind)
    {
        var attribute = resolved.Attribute;
        if (resolved.InExtension) return null;
        if (resolved.Schema is null)
        {
            if (attribute == CommonAttributes.Id) return new ResourceColumn("r.id", CaseExact: true);
            if (attribute == CommonAttributes.ExternalId) return new ResourceColumn("r.external_id", CaseExact: true, IsName: true);
            return resolved.SubAttribute?.Name switch
            {
                "created" => new ResourceColumn("r.created", IsTimestamp: true),
                "lastModified" => new ResourceColumn("r.last_modified", IsTimestamp: true),
                _ => null,
            };
        }
        if (resolved.SubAttribute is not null) return null;
        return attribute.Name switch
        {
            "userName" when kind == ResourceKind.User => new ResourceColumn("r.user_name", attribute.CaseExact, IsName: true),
            "displayName" => new ResourceColumn("r.display_name", attribute.CaseExact, IsName: true),
            _ => null,
        };
    }
}

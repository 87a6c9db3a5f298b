using System.Text.Json.Nodes;
using Orleans.Concurrency;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Normalizing;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Import;

/// <summary>
/// Reads import rows as SCIM bodies of the tenant's User type, so a row is refused for exactly what a POST would be
/// refused for, and compares each with the user of that userName: only the columns a row fills count, so a file with
/// fewer columns never clears what it does not name. While the integration is active, users the identity provider
/// created are its own: a row for one is refused, whatever it would change.
/// </summary>
[StatelessWorker]
internal sealed class UserImportGrain(IResourceStore store, TenantSchemas schemas) : Grain, IUserImportGrain
{
    private string Tenant => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<ImportOutcome>> PreviewAsync(IReadOnlyList<ImportRow> rows)
    {
        var schema = await schemas.ForAsync(Tenant, ResourceKind.User);
        var tenant = GrainFactory.Grain<ITenantGrain>(Tenant);
        var integrationActive = (await tenant.GetConnectorAsync()).Active;
        var fields = (await tenant.GetCustomFieldsAsync()).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var groups = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var outcomes = new List<ImportOutcome>(rows.Count);
        foreach (var row in rows)
        {
            var userName = Blank(row.UserName) ?? Blank(row.Email);
            try
            {
                if (userName is null) throw ScimException.InvalidValue("The row has neither a userName nor an email.");
                var attributes = ResourceNormalizer.Normalize(Body(row, userName, fields), schema);
                ResourceLimits.Check(attributes, schema);
                foreach (var group in row.Groups)
                    if (!await GroupExistsAsync(groups, group)) throw ScimException.InvalidValue($"No group is named '{group}'.");
                outcomes.Add(await DecideAsync(row, userName, attributes, schema, integrationActive));
            }
            catch (ScimException e) when (e.Status < 500)
            {
                outcomes.Add(new ImportOutcome(row.Line, userName, ImportAction.Refused, e.Message));
            }
        }
        return outcomes;
    }

    private async Task<ImportOutcome> DecideAsync(ImportRow row, string userName, JsonObject attributes, ResourceSchema schema, bool integrationActive)
    {
        var found = await store.QueryAsync(Tenant, new StoreQuery(schema, Filters.Eq("userName", LiteralKind.String, userName), null, 1, 1),
            CancellationToken.None);
        if (found.Resources.Count == 0) return new ImportOutcome(row.Line, userName, ImportAction.Create);
        var existing = found.Resources[0];
        if (integrationActive && !existing.CreatedByPlatform)
            return new ImportOutcome(row.Line, userName, ImportAction.Refused,
                "Your identity provider manages this user over SCIM while the integration is active: change it there.", existing.Id);
        var current = ResourceDocument.Attributes(existing.Document);
        if (!ResourceDocument.IsDeactivated(existing.Document) && attributes["active"] is JsonValue active && active.GetValue<bool>() is false)
            return new ImportOutcome(row.Line, userName, ImportAction.Deactivate, null, existing.Id);
        return new ImportOutcome(row.Line, userName, Differs(attributes, current) ? ImportAction.Update : ImportAction.Unchanged, null, existing.Id);
    }

    /// <summary>Whether any attribute the row fills differs from the user's: a complex one by its filled parts, e-mail by the primary address.</summary>
    private static bool Differs(JsonObject row, JsonObject current)
    {
        foreach (var (name, value) in row)
        {
            var now = current[name];
            var differs = (name, value) switch
            {
                ("emails", _) => !string.Equals(PrimaryAddress(value), PrimaryAddress(now), StringComparison.OrdinalIgnoreCase),
                (_, JsonObject parts) => parts.Any(p => !JsonNode.DeepEquals(p.Value, now?[p.Key])),
                _ => !JsonNode.DeepEquals(value, now),
            };
            if (differs) return true;
        }
        return false;
    }

    private static string? PrimaryAddress(JsonNode? emails) =>
        emails is JsonArray list ? ((list.FirstOrDefault(ResourceDocument.IsPrimary) ?? list.FirstOrDefault())?["value"]?.GetValue<string>()) : null;

    /// <summary>The row as a SCIM POST body; a multi-valued custom field's cell holds its values separated by semicolons.</summary>
    private JsonObject Body(ImportRow row, string userName, Dictionary<string, CustomField> fields)
    {
        var body = new JsonObject { ["userName"] = userName };
        if (Blank(row.GivenName) is { } given) Name(body)["givenName"] = given;
        if (Blank(row.FamilyName) is { } family) Name(body)["familyName"] = family;
        if (Blank(row.DisplayName) is { } display) body["displayName"] = display;
        if (Blank(row.Email) is { } email) body["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true });
        if (Blank(row.Active) is { } activeText) body["active"] = activeText;
        if (Blank(row.ExternalId) is { } externalId) body["externalId"] = externalId;
        if (row.CustomFields.Count == 0) return body;
        var custom = new JsonObject();
        foreach (var (name, text) in row.CustomFields)
        {
            if (!fields.TryGetValue(name, out var field)) throw ScimException.InvalidValue($"The platform has no custom field '{name}'.");
            if (Blank(text) is not { } value) continue;
            custom[field.Name] = field.MultiValued
                ? new JsonArray([.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (JsonNode)v)])
                : value;
        }
        if (custom.Count > 0) body[CustomField.SchemaUrn(Tenant)] = custom;
        return body;
    }

    private static JsonObject Name(JsonObject body) => body["name"] as JsonObject ?? (JsonObject)(body["name"] = new JsonObject());

    private async Task<bool> GroupExistsAsync(Dictionary<string, bool> known, string name)
    {
        if (known.TryGetValue(name, out var exists)) return exists;
        var found = await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.Group, Filters.Eq("displayName", LiteralKind.String, name), null, 1, 0),
            CancellationToken.None);
        return known[name] = found.TotalResults > 0;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

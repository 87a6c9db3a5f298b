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
/// created are its own: a row for one is refused, whatever it would change. Memberships an import adds are manual ones.
/// </summary>
[StatelessWorker]
internal sealed class UserImportGrain(IResourceStore store, IMembershipStore memberships, TenantSchemas schemas) : Grain, IUserImportGrain
{
    private const string WholeRowRefusal = "The row has neither a userName nor an email.";
    private const int Parallelism = 16;

    private string Tenant => this.GetPrimaryKeyString();

    /// <summary>A row decided: its outcome, the SCIM body it makes (not for a refused row) and the ids of its groups.</summary>
    private sealed record Decision(ImportOutcome Outcome, JsonObject? Body, IReadOnlyList<string> GroupIds);

    public async Task<IReadOnlyList<ImportOutcome>> PreviewAsync(IReadOnlyList<ImportRow> rows) =>
        [.. (await DecideAsync(rows)).Select(d => d.Outcome)];

    public async Task<IReadOnlyList<ImportOutcome>> ApplyAsync(IReadOnlyList<ImportRow> rows, bool invite)
    {
        var decisions = await DecideAsync(rows);
        // The batch's new users in one call, so that they are created together rather than Parallelism at a time.
        var creating = Enumerable.Range(0, decisions.Count).Where(i => decisions[i] is { Body: not null, Outcome.Action: ImportAction.Create }).ToList();
        var created = await GrainFactory.Grain<IUserCreationGrain>(Tenant)
            .CreateImportedUsersAsync([.. creating.Select(i => decisions[i].Body!.ToJsonString())], invite);
        var createdAt = new ImportedUser?[decisions.Count];
        foreach (var (i, user) in creating.Zip(created)) createdAt[i] = user;
        return await InParallelAsync(Enumerable.Range(0, decisions.Count).ToList(), async i =>
        {
            try
            {
                return await ApplyAsync(decisions[i], createdAt[i]);
            }
            catch (ScimException e) when (e.Status < 500)
            {
                return decisions[i].Outcome with { Action = ImportAction.Refused, Reason = e.Message };
            }
        });
    }

    /// <summary>The rest of a row's work once its user, if new, was <paramref name="created"/>: its changes, then its groups.</summary>
    private async Task<ImportOutcome> ApplyAsync(Decision decision, ImportedUser? created)
    {
        var (outcome, body) = (decision.Outcome, decision.Body);
        if (body is null) return outcome;
        var userId = outcome.UserId;
        if (created is not null)
        {
            if (created.Id is null) return outcome with { Action = ImportAction.Refused, Reason = created.Refusal };
            userId = created.Id;
            outcome = outcome with { UserId = userId };
        }
        else if (outcome.Action is ImportAction.Update or ImportAction.Deactivate && Patch(body) is { Operations.Count: > 0 } patch)
        {
            await User(userId!).PatchWithoutBodyAsync(patch, null);
        }
        foreach (var groupId in decision.GroupIds)
            await GrainFactory.Grain<IGroupGrain>(ResourceKeys.Of(Tenant, groupId)).AddManualMemberAsync(userId!);
        return outcome;
    }

    private IUserGrain User(string id) => GrainFactory.Grain<IUserGrain>(ResourceKeys.Of(Tenant, id));

    /// <summary>The attributes the row fills, as a PATCH: replaced where they are, added where not; the e-mail as the primary one's address.</summary>
    private static PatchRequest Patch(JsonObject body)
    {
        var values = (JsonObject)body.DeepClone();
        values.Remove("userName");
        var operations = new List<PatchOperation>();
        if (values["emails"] is JsonArray emails)
        {
            operations.Add(new("replace", "emails[primary eq true].value", emails[0]!["value"]!.ToJsonString()));
            values.Remove("emails");
        }
        if (values.Count > 0) operations.Insert(0, new("replace", null, values.ToJsonString()));
        return new PatchRequest(operations);
    }

    private async Task<IReadOnlyList<Decision>> DecideAsync(IReadOnlyList<ImportRow> rows)
    {
        var schema = await schemas.ForAsync(Tenant, ResourceKind.User);
        var tenant = GrainFactory.Grain<ITenantGrain>(Tenant);
        var integrationActive = (await tenant.GetConnectorAsync()).Active;
        var fields = (await tenant.GetCustomFieldsAsync()).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var groups = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var users = await store.FindUsersAsync(Tenant, rows.Select(r => Blank(r.UserName)).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            CancellationToken.None);
        return await InParallelAsync(rows, async row =>
        {
            var userName = Blank(row.UserName);
            try
            {
                if (userName is null) throw ScimException.InvalidValue(WholeRowRefusal);
                var body = Body(row, userName, fields);
                var attributes = ResourceNormalizer.Normalize(body, schema);
                ResourceLimits.Check(attributes, schema);
                var groupIds = new List<string>();
                foreach (var group in row.Groups)
                    groupIds.Add(await GroupIdAsync(groups, group) ?? throw ScimException.InvalidValue($"No group is named '{group}'."));
                var outcome = await DecideAsync(row, userName, users.GetValueOrDefault(userName), attributes, groupIds, integrationActive);
                return new Decision(outcome, outcome.Action == ImportAction.Refused ? null : body, groupIds);
            }
            catch (ScimException e) when (e.Status < 500)
            {
                return new Decision(new ImportOutcome(row.Line, userName, ImportAction.Refused, e.Message), null, []);
            }
        });
    }

    /// <summary>
    /// Each item's result, in order, with up to <see cref="Parallelism"/> items under way at once: the rows of a batch are
    /// different users (the batches hold no repeated userName), so their reads and writes overlap instead of queueing.
    /// The work stays on this activation's scheduler, one continuation at a time.
    /// </summary>
    private static async Task<IReadOnlyList<TResult>> InParallelAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> work)
    {
        var results = new TResult[items.Count];
        using var gate = new SemaphoreSlim(Parallelism);
        await Task.WhenAll(items.Select(async (item, i) =>
        {
            await gate.WaitAsync();
            try
            {
                results[i] = await work(item);
            }
            finally
            {
                gate.Release();
            }
        }));
        return results;
    }

    private async Task<ImportOutcome> DecideAsync(ImportRow row, string userName, StoredResource? existing, JsonObject attributes,
        IReadOnlyList<string> groupIds, bool integrationActive)
    {
        if (existing is null) return new ImportOutcome(row.Line, userName, ImportAction.Create);
        if (integrationActive && !existing.CreatedByPlatform)
            return new ImportOutcome(row.Line, userName, ImportAction.Refused,
                "Your identity provider manages this user over SCIM while the integration is active: change it there.", existing.Id);
        if (!ResourceDocument.IsDeactivated(existing.Document) && attributes["active"] is JsonValue active && active.GetValue<bool>() is false)
            return new ImportOutcome(row.Line, userName, ImportAction.Deactivate, null, existing.Id);
        var changed = Differs(attributes, ResourceDocument.Attributes(existing.Document)) || !await IsDirectMemberAsync(existing.Id, groupIds);
        return new ImportOutcome(row.Line, userName, changed ? ImportAction.Update : ImportAction.Unchanged, null, existing.Id);
    }

    private async Task<bool> IsDirectMemberAsync(string userId, IReadOnlyList<string> groupIds)
    {
        if (groupIds.Count == 0) return true;
        var of = await memberships.GetGroupsOfUsersAsync(Tenant, [userId], CancellationToken.None);
        var direct = of.GetValueOrDefault(userId, []).Where(g => g.Direct).Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        return groupIds.All(direct.Contains);
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

    private async Task<string?> GroupIdAsync(Dictionary<string, string?> known, string name)
    {
        if (known.TryGetValue(name, out var id)) return id;
        var found = await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.Group, Filters.Eq("displayName", LiteralKind.String, name), null, 1, 1),
            CancellationToken.None);
        return known[name] = found.Resources.FirstOrDefault()?.Id;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

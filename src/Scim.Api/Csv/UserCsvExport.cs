using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Csv;

/// <summary>
/// A tenant's users as CSV, in the columns the import reads (so an export can be edited and imported again): one row per
/// user, the direct groups by name, and each custom field under its full name. Streamed a page at a time.
/// </summary>
public static class UserCsvExport
{
    public static readonly IReadOnlyList<string> Columns =
        ["id", "userName", "email", "givenName", "familyName", "displayName", "active", "externalId", "groups"];

    public static async Task WriteAsync(IGrainFactory grains, string tenant, string baseUrl, Stream output, CancellationToken cancellationToken)
    {
        var fields = await grains.Grain<ITenantGrain>(tenant).GetCustomFieldsAsync();
        var urn = CustomField.SchemaUrn(tenant);
        await using var paged = new PagedCsvWriter(output);
        var csv = paged.Csv;
        csv.WriteHeader([.. Columns, .. fields.Select(f => $"{urn}:{f.Name}")]);
        var written = 0;
        await foreach (var json in CsvPages.ResourcesAsync(grains, tenant, ResourceKind.User, new RenderOptions(baseUrl), cancellationToken))
        {
            var user = JsonNode.Parse(json)!.AsObject();
            var custom = user[urn] as JsonObject;
            csv.WriteRecord(
            [
                Text(user["id"]), Text(user["userName"]), PrimaryEmail(user), Text(user["name"]?["givenName"]),
                Text(user["name"]?["familyName"]), Text(user["displayName"]), user["active"]?.GetValue<bool>() is false ? "false" : "true",
                Text(user["externalId"]), Joined(user["groups"], "display"),
                .. fields.Select(f => custom?[f.Name] is JsonArray values ? Joined(values, null) : Text(custom?[f.Name])),
            ]);
            if (++written % CsvPages.PageSize == 0) await paged.FlushAsync(cancellationToken);
        }
        await paged.FlushAsync(cancellationToken);
    }

    private static string PrimaryEmail(JsonObject user) =>
        user["emails"] is JsonArray emails
            ? Text((emails.FirstOrDefault(e => e?["primary"]?.GetValue<bool>() == true) ?? emails.FirstOrDefault())?["value"])
            : "";

    /// <summary>The values of a multi-valued attribute in one cell; <paramref name="member"/> picks a sub-attribute of complex values.</summary>
    internal static string Joined(JsonNode? values, string? member) =>
        values is JsonArray array
            ? string.Join(CsvFiles.ValueSeparator, array.Select(v => Text(member is null ? v : v?[member])).Where(v => v.Length > 0))
            : "";

    internal static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}

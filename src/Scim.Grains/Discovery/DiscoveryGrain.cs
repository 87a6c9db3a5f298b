using System.Text.Json.Nodes;
using Orleans.Concurrency;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Schemas;

namespace Scim.Grains.Discovery;

/// <summary>Serves a tenant's discovery documents (RFC 7644 §4). Keyed by tenant: its custom fields are a schema of its own.</summary>
[StatelessWorker, Reentrant]
internal sealed class DiscoveryGrain(TenantSchemas schemas) : Grain, IDiscoveryGrain
{
    public Task<string> GetServiceProviderConfigAsync(string baseUrl) =>
        Task.FromResult(ServiceProviderConfigDocument.Render(baseUrl).ToJsonString(ScimJson.Options));

    public async Task<string> GetSchemasAsync(string baseUrl, string? id)
    {
        var tenant = this.GetPrimaryKeyString();
        var user = await schemas.ForAsync(tenant, ResourceKind.User);
        IReadOnlyList<SchemaDefinition> all = [.. SchemaDocuments.All, .. user.Extensions.Where(e => e.Id == CustomField.SchemaUrn(tenant))];
        return Select(all, s => s.Id, id, "Schema", s => SchemaDocuments.Render(s, baseUrl));
    }

    public async Task<string> GetResourceTypesAsync(string baseUrl, string? id)
    {
        var tenant = this.GetPrimaryKeyString();
        var types = new List<ResourceSchema>();
        foreach (var type in ResourceSchema.All) types.Add(await schemas.ForAsync(tenant, type.Kind));
        return Select(types, t => t.Name, id, "ResourceType", t => ResourceTypeDocuments.Render(t, baseUrl));
    }

    private static string Select<T>(IReadOnlyList<T> items, Func<T, string> idOf, string? id, string what, Func<T, JsonObject> render)
    {
        if (id is not null)
        {
            var item = items.FirstOrDefault(i => string.Equals(idOf(i), id, StringComparison.OrdinalIgnoreCase));
            return item is null ? throw ScimException.NotFound($"{what} '{id}' not found.") : render(item).ToJsonString(ScimJson.Options);
        }
        var list = new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUrns.ListResponse),
            ["totalResults"] = items.Count,
            ["itemsPerPage"] = items.Count,
            ["startIndex"] = 1,
            ["Resources"] = new JsonArray(items.Select(i => (JsonNode)render(i)).ToArray()),
        };
        return list.ToJsonString(ScimJson.Options);
    }
}

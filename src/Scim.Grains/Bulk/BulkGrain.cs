using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Scim.Grains.Interfaces.Bulk;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Schemas;

namespace Scim.Grains.Bulk;

/// <summary>
/// Runs a bulk request (RFC 7644 §3.7) through the same resource grains as single requests. Operations run in the
/// order sent, except that one referring to another's bulkId waits until that one has created its resource, so
/// references resolve in any order; a reference to an unknown or failed bulkId fails the operation, a cycle fails the
/// operations in it (409). After failOnErrors errors nothing more runs.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed partial class BulkGrain(ILogger<BulkGrain> logger) : Grain, IBulkGrain
{
    public async Task<IReadOnlyList<BulkOperationResult>> ExecuteAsync(BulkRequest request, RenderOptions render)
    {
        var tenant = this.GetPrimaryKeyString();
        var operations = request.Operations;
        var declared = operations.Where(o => o.BulkId is not null).Select(o => o.BulkId!).ToHashSet(StringComparer.Ordinal);
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var results = new BulkOperationResult?[operations.Count];
        var pending = Enumerable.Range(0, operations.Count).ToList();
        var referencesOf = operations.Select(BulkReferences.Of).ToArray();
        var errors = 0;
        bool Stopped() => request.FailOnErrors is { } limit && errors >= limit;
        while (pending.Count > 0 && !Stopped())
        {
            var progress = false;
            foreach (var index in pending.ToList())
            {
                if (Stopped()) break;
                var operation = operations[index];
                var references = referencesOf[index];
                BulkOperationResult result;
                string? createdId = null;
                if (references.FirstOrDefault(r => !declared.Contains(r) || failed.Contains(r)) is { } broken)
                    result = Failure(operation, ScimException.InvalidValue($"bulkId '{broken}' {(declared.Contains(broken) ? "failed" : "is not defined in this request")}."));
                else if (references.All(created.ContainsKey))
                    (result, createdId) = await RunAsync(tenant, BulkReferences.Resolve(operation, created), render);
                else
                    continue;
                results[index] = result;
                pending.Remove(index);
                progress = true;
                if (result.Status >= 400)
                {
                    errors++;
                    if (operation.BulkId is not null) failed.Add(operation.BulkId);
                }
                else if (operation.BulkId is not null && createdId is not null)
                {
                    created[operation.BulkId] = createdId;
                }
            }
            if (progress) continue;
            foreach (var index in pending)
            {
                results[index] = Failure(operations[index], new ScimException(409, ScimType.InvalidValue, "The operation is part of a circular bulkId reference."));
                errors++;
            }
            pending.Clear();
        }
        return results.OfType<BulkOperationResult>().ToList();
    }

    /// <summary>Runs one operation; returns its result and, for a POST, the id it created.</summary>
    private async Task<(BulkOperationResult Result, string? CreatedId)> RunAsync(string tenant, BulkOperation operation, RenderOptions render)
    {
        try
        {
            var method = operation.Method.ToUpperInvariant();
            var (schema, id) = Target(operation.Path);
            // The bulk response carries no resource bodies: render only the id, so a group's members are never read.
            var idOnly = render with { Attributes = CommonAttributes.Id.Name, ExcludedAttributes = null };
            if (method == "POST")
            {
                if (id is not null) throw ScimException.InvalidPath($"POST takes a resource type path such as /Users, not '{operation.Path}'.");
                var newId = RandomIds.NewGuid().ToString();
                var snapshot = await GrainFactory.CreateResourceAsync(schema.Kind, tenant, newId, Data(operation), idOnly);
                return (Success(operation, 201, snapshot.Id, snapshot.ETag, render, schema), snapshot.Id);
            }
            if (id is null) throw ScimException.InvalidPath($"{method} needs a resource path such as /Users/{{id}}, not '{operation.Path}'.");
            var grain = Grain(schema, tenant, id);
            var result = method switch
            {
                "PUT" => Success(operation, 200, id, (await grain.ReplaceAsync(Data(operation), operation.Version, idOnly)).ETag, render, schema),
                "PATCH" => Success(operation, 200, id, (await grain.PatchWithoutBodyAsync(
                    operation.Patch ?? throw ScimException.InvalidSyntax("A PATCH operation needs a PatchOp in 'data'."), operation.Version)).ETag, render, schema),
                "DELETE" => await DeleteAsync(grain, operation),
                _ => throw ScimException.InvalidValue($"Bulk operations are POST, PUT, PATCH or DELETE, not '{operation.Method}'."),
            };
            return (result, null);
        }
        catch (ScimException e)
        {
            return (Failure(operation, e), null);
        }
        catch (Exception e) when (TransientFailures.IsTransient(e))
        {
            return (Failure(operation, ScimException.Unavailable("The service was briefly unavailable for this operation; retry it.")), null);
        }
        catch (Exception e)
        {
            // Whatever fails inside one operation is that operation's result: the others, some already committed, keep theirs.
            LogFailed(logger, operation.Method, operation.Path, e);
            return (Failure(operation, new ScimException(500, null, "An internal error occurred in this operation.")), null);
        }
    }

    private static async Task<BulkOperationResult> DeleteAsync(IResourceGrain grain, BulkOperation operation)
    {
        await grain.DeleteAsync(operation.Version);
        return new BulkOperationResult(operation.Method, operation.BulkId, 204);
    }

    private IResourceGrain Grain(ResourceSchema schema, string tenant, string id)
    {
        var key = ResourceKeys.Of(tenant, id);
        return schema.Kind == ResourceKind.User ? GrainFactory.Grain<IUserGrain>(key) : GrainFactory.Grain<IGroupGrain>(key);
    }

    /// <summary>/Users, /Groups, /Users/{id} or /Groups/{id}; resource ids are GUIDs, anything else cannot exist.</summary>
    private static (ResourceSchema Schema, string? Id) Target(string path)
    {
        var segments = path.Trim().Trim('/').Split('/');
        var schema = ResourceSchema.All.FirstOrDefault(s => s.Endpoint.TrimStart('/').Equals(segments[0], StringComparison.OrdinalIgnoreCase))
            ?? throw ScimException.InvalidPath($"'{path}' names no resource type (/Users or /Groups).");
        return segments.Length switch
        {
            1 => (schema, null),
            2 when Guid.TryParse(segments[1], out _) => (schema, segments[1]),
            2 => throw ScimException.NotFound($"{schema.Name} '{segments[1]}' not found."),
            _ => throw ScimException.InvalidPath($"'{path}' is not a resource path."),
        };
    }

    private static string Data(BulkOperation operation) =>
        operation.DataJson ?? throw ScimException.InvalidSyntax($"A {operation.Method} operation needs 'data'.");

    private static BulkOperationResult Success(BulkOperation operation, int status, string id, string etag, RenderOptions render, ResourceSchema schema) =>
        new(operation.Method, operation.BulkId, status, ResourceRenderer.Location(render.BaseUrl, schema, id), etag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bulk operation {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, string path, Exception exception);

    private static BulkOperationResult Failure(BulkOperation operation, ScimException error) =>
        new(operation.Method, operation.BulkId, error.Status, ScimType: error.ScimType, Detail: error.Detail);
}

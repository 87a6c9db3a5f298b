using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Deviations;

/// <summary>
/// Okta's group push repeats the group's own <c>id</c> in a path-less replace (O8). RFC 7644 §3.5.2 has any change to a
/// readOnly attribute fail with 400 mutability; restating a readOnly attribute's current value changes nothing, so such
/// a key (or an operation whose path names it) is dropped before the PATCH engine, which refuses every readOnly write.
/// Another id is still a 400 mutability.
/// </summary>
/// <remarks>Tests: <c>IdpQuirksTests.O8_GroupPush_RenameWithIdAndMemberDiff</c>, <c>IdpQuirksTests.O8_PathlessReplaceWithAnotherId_Returns400Mutability</c>.</remarks>
public static class OktaRestatedReadOnlyValues
{
    public static IReadOnlyList<PatchOperation> Normalize(IReadOnlyList<PatchOperation> operations, JsonObject document, ResourceSchema schema)
    {
        var result = new List<PatchOperation>(operations.Count);
        foreach (var operation in operations)
        {
            if (operation.Op == "remove") result.Add(operation);
            else if (string.IsNullOrWhiteSpace(operation.Path)) result.Add(WithoutRestated(operation, document, schema));
            else if (!(ReadOnlyValue(AttrPath.TryParse(operation.Path.Trim()), document, schema, out var current)
                       && JsonNode.DeepEquals(current, JsonBodies.ParseOperationValue(operation.ValueJson)))) result.Add(operation);
        }
        return result;
    }

    private static PatchOperation WithoutRestated(PatchOperation operation, JsonObject document, ResourceSchema schema)
    {
        if (JsonBodies.ParseOperationValue(operation.ValueJson) is not JsonObject values) return operation;
        var restated = values.Where(p => ReadOnlyValue(AttrPath.TryParse(p.Key), document, schema, out var current) && JsonNode.DeepEquals(current, p.Value))
            .Select(p => p.Key).ToList();
        if (restated.Count == 0) return operation;
        foreach (var key in restated) values.Remove(key);
        return operation with { ValueJson = values.ToJsonString() };
    }

    /// <summary>True when the path names a readOnly attribute (or sub-attribute); <paramref name="current"/> is its value.</summary>
    private static bool ReadOnlyValue(AttrPath? path, JsonObject document, ResourceSchema schema, out JsonNode? current)
    {
        current = null;
        if (path is null || schema.Resolve(path) is not { } resolved) return false;
        var sub = resolved.SubAttribute ?? (path.SubAttribute is { } name ? resolved.Attribute.FindSubAttribute(name) : null);
        if (resolved.Attribute.Mutability != Mutability.ReadOnly && sub?.Mutability != Mutability.ReadOnly) return false;
        current = ResourceDocument.Container(document, resolved)?[resolved.Attribute.Name];
        if (sub is not null && !resolved.Attribute.MultiValued) current = (current as JsonObject)?[sub.Name];
        return true;
    }
}

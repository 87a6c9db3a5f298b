using System.Text.Json.Nodes;
using Scim.Grains.Deviations;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Normalizing;
using Scim.Grains.Schemas;

namespace Scim.Grains.Patching;

/// <summary>
/// Applies an RFC 7644 §3.5.2 PATCH to a resource document. Pure: works on a copy and returns it, so a failing
/// operation leaves nothing half-applied. Operations on attributes stored apart (group members) go to the
/// <see cref="MembershipDelta"/>. Identity providers' deviations are brought to the RFC's form first by their named
/// rules (<see cref="EntraPatchOperations"/>, <see cref="OktaRestatedReadOnlyValues"/>), or applied where they arise
/// (<see cref="MissingFilteredElement"/>). A path that is a bare extension URN takes the extension's object as its value.
/// </summary>
public static class PatchEngine
{
    public const int MaxOperations = 1000;

    public static JsonObject Apply(JsonObject document, IReadOnlyList<PatchOperation> operations, ResourceSchema schema, MembershipDelta? members)
    {
        if (operations.Count == 0) throw ScimException.InvalidValue("A PATCH request needs at least one operation.");
        if (operations.Count > MaxOperations) throw ScimException.TooMany($"At most {MaxOperations} operations per PATCH request.");
        var working = (JsonObject)document.DeepClone();
        var context = new Context(working, schema, members);
        var normalized = OktaRestatedReadOnlyValues.Normalize(EntraPatchOperations.Normalize(operations, schema), document, schema);
        foreach (var operation in normalized) context.Apply(operation);
        foreach (var extension in schema.Extensions)
        {
            if (working[extension.Id] is JsonObject { Count: 0 }) working.Remove(extension.Id);
        }
        ResourceNormalizer.CheckRequired(working, schema);
        CheckSinglePrimary(working, schema);
        return working;
    }

    private static void CheckSinglePrimary(JsonObject document, ResourceSchema schema)
    {
        foreach (var schemaDefinition in new[] { schema.Core }.Concat(schema.Extensions))
        {
            var container = schema.IsExtension(schemaDefinition) ? document[schemaDefinition.Id] as JsonObject : document;
            foreach (var attribute in schemaDefinition.Attributes.Where(a => a.MultiValued))
            {
                if (container?[attribute.Name] is JsonArray array && array.Count(ResourceDocument.IsPrimary) > 1)
                    throw ScimException.InvalidValue($"At most one value of '{attribute.Name}' may be primary.");
            }
        }
    }

    private sealed class Context(JsonObject document, ResourceSchema schema, MembershipDelta? members)
    {
        public void Apply(PatchOperation operation)
        {
            var kind = PatchOpKinds.Parse(operation.Op);
            var value = JsonBodies.ParseOperationValue(operation.ValueJson);
            if (string.IsNullOrWhiteSpace(operation.Path))
            {
                if (kind == PatchOpKind.Remove) throw ScimException.NoTarget("A remove operation needs a path.");
                ApplyPathless(kind, value);
                return;
            }
            var path = operation.Path.Trim();
            if (schema.FindSchema(path) is { } extension && schema.IsExtension(extension))
            {
                ApplyToExtension(kind, extension, value);
                return;
            }
            ApplyTo(kind, FilterParser.ParsePatchPath(path), value);
        }

        /// <summary>
        /// A path that is a bare extension URN addresses the whole extension: add and replace set the attributes its
        /// object value holds (as a path-less operation with that object under the URN would), remove removes them all.
        /// </summary>
        private void ApplyToExtension(PatchOpKind kind, SchemaDefinition extension, JsonNode? value)
        {
            if (kind != PatchOpKind.Remove)
            {
                if (value is not JsonObject) throw ScimException.InvalidValue($"The value for '{extension.Id}' must be an object of its attributes.");
                ApplyPathless(kind, new JsonObject { [extension.Id] = value.DeepClone() });
                return;
            }
            foreach (var name in (document[extension.Id] as JsonObject)?.Select(p => p.Key).ToList() ?? [])
                ApplyTo(kind, new PatchPath(new AttrPath(extension.Id, name, null), null, null), null);
        }

        private void ApplyPathless(PatchOpKind kind, JsonNode? value)
        {
            if (value is not JsonObject values) throw ScimException.InvalidValue("An operation without a path needs an object value.");
            foreach (var (key, inner) in values)
            {
                if (key.Equals("schemas", StringComparison.OrdinalIgnoreCase)) continue;
                if (schema.FindSchema(key) is { } whole)
                {
                    if (inner is not JsonObject innerValues) throw ScimException.InvalidValue($"'{key}' must be an object.");
                    foreach (var (innerKey, innerValue) in innerValues)
                        ApplyTo(kind, new PatchPath(AttributeName(innerKey) with { Urn = whole.Id }, null, null), innerValue);
                    continue;
                }
                ApplyTo(kind, new PatchPath(AttributeName(key), null, null), inner);
            }
        }

        /// <summary>A key of a path-less value: an attribute's name (keys that are paths were made operations of their own).</summary>
        private static AttrPath AttributeName(string key) =>
            AttrPath.TryParse(key) is { Urn: null, SubAttribute: null } name ? name : throw ScimException.InvalidPath($"'{key}' is not an attribute name.");

        private void ApplyTo(PatchOpKind kind, PatchPath path, JsonNode? value)
        {
            var resolved = schema.Resolve(path.Attribute)
                ?? throw ScimException.InvalidPath($"Unknown attribute '{path.Attribute}' for resource type {schema.Name}.");
            var attribute = resolved.Attribute;
            if (path.SubAttribute is not null && resolved.SubAttribute is not null) throw ScimException.InvalidPath($"'{path.Attribute}' cannot take another sub-attribute.");
            var sub = resolved.SubAttribute ?? (path.SubAttribute is { } name
                ? attribute.FindSubAttribute(name) ?? throw ScimException.InvalidPath($"'{attribute.Name}' has no sub-attribute '{name}'.")
                : null);
            if (path.Filter is not null)
            {
                if (!attribute.MultiValued || !attribute.IsComplex) throw ScimException.InvalidPath($"'{attribute.Name}' is not multi-valued and takes no value filter.");
                FilterValidator.ValidateElement(path.Filter, attribute);
            }
            if (ResourceSchema.IsStoredApart(attribute))
            {
                if (members is null) throw ScimException.InvalidPath($"'{attribute.Name}' cannot be patched here.");
                members.Apply(kind, path.Filter, sub, value);
                return;
            }
            CheckMutability(kind, resolved, sub, path, value);
            var container = kind == PatchOpKind.Remove ? ResourceDocument.Container(document, resolved) : EnsureContainer(resolved);
            if (container is null) return;
            if (path.Filter is not null) ApplyFiltered(kind, container, attribute, path.Filter, sub, value);
            else if (attribute.MultiValued && sub is not null) ApplyToEveryValue(kind, container, attribute, sub, value);
            else if (attribute.MultiValued) ApplyMultiValued(kind, container, attribute, value);
            else if (attribute.IsComplex) ApplyComplex(kind, container, attribute, sub, value);
            else SetOrRemove(container, attribute.Name, kind == PatchOpKind.Remove ? null : ValueNormalizer.Normalize(attribute, value, attribute.Name));
        }

        private void CheckMutability(PatchOpKind kind, ResolvedAttribute resolved, AttributeDefinition? sub, PatchPath path, JsonNode? value)
        {
            if (resolved.Attribute.Mutability == Mutability.ReadOnly || sub?.Mutability == Mutability.ReadOnly)
                throw ScimException.Mutability($"'{path.Attribute}' is readOnly.");
            var current = ResourceDocument.Container(document, resolved)?[resolved.Attribute.Name];
            if (sub is not null && path.Filter is null && !resolved.Attribute.MultiValued) current = (current as JsonObject)?[sub.Name];
            var immutable = resolved.Attribute.Mutability == Mutability.Immutable || sub?.Mutability == Mutability.Immutable;
            if (immutable && current is not null && (kind == PatchOpKind.Remove || !JsonNode.DeepEquals(current, value)))
                throw ScimException.Mutability($"'{path.Attribute}' is immutable once set.");
        }

        private JsonObject EnsureContainer(ResolvedAttribute resolved)
        {
            if (!resolved.InExtension) return document;
            var urn = resolved.Schema!.Id;
            if (document[urn] is JsonObject existing) return existing;
            var created = new JsonObject();
            document[urn] = created;
            return created;
        }

        private static void ApplyComplex(PatchOpKind kind, JsonObject container, AttributeDefinition attribute, AttributeDefinition? sub, JsonNode? value)
        {
            var existing = container[attribute.Name] as JsonObject;
            if (sub is null)
            {
                if (kind == PatchOpKind.Remove) { container.Remove(attribute.Name); return; }
                if (ValueNormalizer.NormalizeSingle(attribute, value, attribute.Name) is not JsonObject update) return;
                existing ??= new JsonObject();
                foreach (var (key, subValue) in update) existing[key] = subValue?.DeepClone(); // RFC 7644 §3.5.2.3: unspecified sub-attributes stay
                container[attribute.Name] = existing;
                return;
            }
            var normalized = kind == PatchOpKind.Remove ? null : ValueNormalizer.Normalize(sub, value, $"{attribute.Name}.{sub.Name}");
            existing ??= new JsonObject();
            SetOrRemove(existing, sub.Name, normalized);
            SetOrRemove(container, attribute.Name, existing.Count == 0 ? null : existing);
        }

        private static void ApplyMultiValued(PatchOpKind kind, JsonObject container, AttributeDefinition attribute, JsonNode? value)
        {
            var normalized = kind == PatchOpKind.Remove && value is null ? null : ValueNormalizer.Normalize(attribute, value, attribute.Name) as JsonArray;
            switch (kind)
            {
                case PatchOpKind.Replace:
                    SetOrRemove(container, attribute.Name, normalized);
                    return;
                case PatchOpKind.Remove when value is null:
                    container.Remove(attribute.Name);
                    return;
                case PatchOpKind.Remove:
                    var array = container[attribute.Name] as JsonArray ?? [];
                    StoreValues(container, attribute, WithoutTargets(array, normalized ?? []));
                    return;
                default:
                    if (normalized is null) return;
                    StoreValues(container, attribute, WithAdded(container[attribute.Name] as JsonArray ?? [], normalized));
                    return;
            }
        }

        private static void ApplyToEveryValue(PatchOpKind kind, JsonObject container, AttributeDefinition attribute, AttributeDefinition sub, JsonNode? value)
        {
            var array = container[attribute.Name] as JsonArray ?? [];
            var normalized = kind == PatchOpKind.Remove ? null : ValueNormalizer.Normalize(sub, value, $"{attribute.Name}.{sub.Name}");
            if (normalized is not null && array.Count == 0) array.Add(new JsonObject());
            foreach (var element in array.OfType<JsonObject>()) SetOrRemove(element, sub.Name, normalized?.DeepClone());
            StoreValues(container, attribute, array);
        }

        private static void ApplyFiltered(PatchOpKind kind, JsonObject container, AttributeDefinition attribute, FilterNode filter, AttributeDefinition? sub, JsonNode? value)
        {
            var array = container[attribute.Name] as JsonArray ?? [];
            var matches = array.Where(e => FilterEvaluator.MatchesElement(filter, e, attribute)).ToList();
            if (sub is null)
            {
                if (kind == PatchOpKind.Remove)
                {
                    foreach (var match in matches) array.Remove(match);
                }
                else if (ValueNormalizer.NormalizeSingle(attribute, value, attribute.Name) is JsonObject update)
                {
                    if (matches.Count == 0 && kind == PatchOpKind.Replace) throw ScimException.NoTarget($"No value of '{attribute.Name}' matches the filter.");
                    if (ResourceDocument.IsPrimary(update)) DemotePrimaries(array);
                    if (matches.Count == 0) array.Add(update);
                    foreach (var match in matches.OfType<JsonObject>())
                    {
                        if (kind == PatchOpKind.Replace) match.Clear();
                        foreach (var (key, subValue) in update) match[key] = subValue?.DeepClone();
                    }
                }
            }
            else
            {
                var normalized = kind == PatchOpKind.Remove ? null : ValueNormalizer.Normalize(sub, value, $"{attribute.Name}.{sub.Name}");
                if (normalized is not null && matches.Count == 0)
                {
                    var created = (MissingFilteredElement.Describe(filter, attribute) is { } described
                                      ? ValueNormalizer.NormalizeSingle(attribute, described, attribute.Name) as JsonObject
                                      : null)
                        ?? throw ScimException.NoTarget($"No value of '{attribute.Name}' matches the filter, and the filter does not describe one to create.");
                    array.Add(created);
                    matches.Add(created);
                }
                if (sub.Name == "primary" && ResourceDocument.IsTrue(normalized)) DemotePrimaries(array);
                foreach (var match in matches.OfType<JsonObject>()) SetOrRemove(match, sub.Name, normalized?.DeepClone());
            }
            StoreValues(container, attribute, array);
        }

        /// <summary>
        /// The values of <paramref name="array"/> that no target names: an element and a target that both have a 'value'
        /// are the same when their values are; otherwise when they are equal as a whole. Linear in both counts.
        /// </summary>
        private static JsonArray WithoutTargets(JsonArray array, JsonArray targets)
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            var wholes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var target in targets)
            {
                if (ValueOf(target) is { } value) values.Add(JsonValueKey.Of(value));
                else wholes.Add(JsonValueKey.Of(target));
            }
            var kept = array.Where(e => ValueOf(e) is { } value ? !values.Contains(JsonValueKey.Of(value)) : !wholes.Contains(JsonValueKey.Of(e))).ToList();
            array.Clear();
            foreach (var element in kept) array.Add(element);
            return array;
        }

        /// <summary>The values of <paramref name="current"/> and the new ones not equal to one already there; a new primary demotes the others.</summary>
        private static JsonArray WithAdded(JsonArray current, JsonArray added)
        {
            var present = current.Select(JsonValueKey.Of).ToHashSet(StringComparer.Ordinal);
            var items = added.ToList();
            added.Clear();
            foreach (var item in items)
            {
                if (present.Contains(JsonValueKey.Of(item))) continue;
                if (ResourceDocument.IsPrimary(item))
                {
                    DemotePrimaries(current);
                    present = current.Select(JsonValueKey.Of).ToHashSet(StringComparer.Ordinal);
                }
                current.Add(item);
                present.Add(JsonValueKey.Of(item));
            }
            return current;
        }

        private static JsonNode? ValueOf(JsonNode? element) => element is JsonObject obj ? obj["value"] : null;

        private static void DemotePrimaries(JsonArray array)
        {
            foreach (var element in array.OfType<JsonObject>().Where(ResourceDocument.IsPrimary)) element["primary"] = false;
        }

        /// <summary>Writes back a multi-valued attribute without its emptied values; no values left unassigns it.</summary>
        private static void StoreValues(JsonObject container, AttributeDefinition attribute, JsonArray values)
        {
            foreach (var empty in values.Where(e => e is JsonObject { Count: 0 }).ToList()) values.Remove(empty);
            SetOrRemove(container, attribute.Name, values.Count == 0 ? null : values);
        }

        private static void SetOrRemove(JsonObject target, string name, JsonNode? value)
        {
            if (value is null) target.Remove(name);
            else target[name] = value;
        }
    }
}

using System.Text.Json.Nodes;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Rendering;

/// <summary>
/// The <c>attributes</c> / <c>excludedAttributes</c> parameters of RFC 7644 §3.9 applied to a rendered resource,
/// honouring <c>returned</c>: "always" attributes stay, "never" ones were removed before, "request" ones appear only
/// when <c>attributes</c> names them. Names are attribute paths,
/// sub-attribute paths or schema URNs; unknown names are ignored. A value filter (<c>emails[type eq "work"]</c>, as the
/// Microsoft suite sends) keeps only the matching values.
/// </summary>
public sealed class Projection
{
    private const int MaxLength = 4096;
    private readonly bool inclusive;
    private readonly Dictionary<string, Selection> selections;
    private readonly HashSet<string> wholeSchemas;

    private Projection(bool inclusive, Dictionary<string, Selection> selections, HashSet<string> wholeSchemas)
    {
        this.inclusive = inclusive;
        this.selections = selections;
        this.wholeSchemas = wholeSchemas;
    }

    public static Projection Parse(RenderOptions options, ResourceSchema schema)
    {
        var inclusive = !string.IsNullOrWhiteSpace(options.Attributes);
        var text = inclusive ? options.Attributes : options.ExcludedAttributes;
        var selections = new Dictionary<string, Selection>(StringComparer.OrdinalIgnoreCase);
        var wholeSchemas = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text)) return new Projection(false, selections, wholeSchemas);
        if (text.Length > MaxLength) throw ScimException.InvalidValue($"The attribute list is longer than {MaxLength} characters.");
        foreach (var item in SplitList(text))
        {
            if (schema.FindSchema(item) is { } whole)
            {
                wholeSchemas.Add(whole.Id);
                continue;
            }
            var path = FilterParser.ParsePatchPath(item);
            if (schema.Resolve(path.Attribute) is not { } resolved) continue;
            var sub = resolved.SubAttribute?.Name ?? (path.SubAttribute is { } s ? resolved.Attribute.FindSubAttribute(s)?.Name : null);
            if (path.Filter is not null) FilterValidator.ValidateElement(path.Filter, resolved.Attribute);
            var key = Key(resolved.InExtension ? resolved.Schema!.Id : "", resolved.Attribute.Name);
            var selection = selections.TryGetValue(key, out var existing) ? existing : selections[key] = new Selection();
            if (sub is null) selection.Whole = true;
            else selection.SubAttributes.Add(sub);
            if (path.Filter is not null) selection.Filter = path.Filter;
        }
        return new Projection(inclusive, selections, wholeSchemas);
    }

    /// <summary>Whether a core attribute will appear, so a caller can skip loading it (group members).</summary>
    public bool Includes(AttributeDefinition attribute)
    {
        var selected = selections.TryGetValue(Key("", attribute.Name), out var selection);
        if (attribute.Returned == Returned.Request) return inclusive && selected;
        return inclusive ? selected || attribute.Returned == Returned.Always : !(selected && selection!.Whole);
    }

    /// <summary>Whether <see cref="Apply"/> keeps every attribute of a resource of <paramref name="schema"/> as it is.</summary>
    public bool KeepsEverything(ResourceSchema schema) => !inclusive && selections.Count == 0 && !schema.HasRequestOnlyAttributes;

    public JsonObject Apply(JsonObject rendered, ResourceSchema schema)
    {
        if (KeepsEverything(schema)) return rendered;
        var result = new JsonObject();
        foreach (var (key, value) in rendered)
        {
            if (key is "schemas" or "id") { result[key] = value?.DeepClone(); continue; }
            var extension = schema.FindSchema(key);
            if (extension is not null && schema.IsExtension(extension))
            {
                if (inclusive && wholeSchemas.Contains(extension.Id)) { result[key] = value?.DeepClone(); continue; }
                var projected = new JsonObject();
                foreach (var (name, inner) in (JsonObject)value!)
                    Project(projected, extension.Id, extension.FindAttribute(name), name, inner);
                if (projected.Count > 0) result[key] = projected;
                continue;
            }
            var attribute = schema.Resolve(new AttrPath(null, key, null))?.Attribute;
            if (inclusive && wholeSchemas.Contains(schema.Core.Id)) { result[key] = value?.DeepClone(); continue; }
            Project(result, "", attribute, key, value);
        }
        return result;
    }

    private void Project(JsonObject target, string container, AttributeDefinition? attribute, string name, JsonNode? value)
    {
        var selected = selections.TryGetValue(Key(container, name), out var selection);
        if (attribute?.Returned == Returned.Request && !(inclusive && selected)) return;
        if (attribute is null || attribute.Returned == Returned.Always || (!inclusive && !selected))
        {
            target[name] = value?.DeepClone();
            return;
        }
        if (!selected) return;
        if (!inclusive)
        {
            if (!selection!.Whole && Reduce(value, s => !selection.SubAttributes.Contains(s)) is { } kept) target[name] = kept;
            return;
        }
        var chosen = value;
        if (selection!.Filter is { } filter && value is JsonArray array)
            chosen = new JsonArray(array.Where(e => FilterEvaluator.MatchesElement(filter, e, attribute)).Select(e => e?.DeepClone()).ToArray());
        var result = selection.Whole ? chosen?.DeepClone() : Reduce(chosen, s => selection.SubAttributes.Contains(s));
        if (result is not (null or JsonArray { Count: 0 })) target[name] = result;
    }

    /// <summary>Keeps the sub-attributes a predicate accepts, in a complex value or in each value of a multi-valued one.</summary>
    private static JsonNode? Reduce(JsonNode? value, Func<string, bool> keep)
    {
        switch (value)
        {
            case JsonObject obj:
                var reduced = new JsonObject();
                foreach (var (key, inner) in obj.Where(p => keep(p.Key))) reduced[key] = inner?.DeepClone();
                return reduced.Count == 0 ? null : reduced;
            case JsonArray array:
                var items = array.Select(e => Reduce(e, keep)).Where(e => e is not null).ToArray();
                return items.Length == 0 ? null : new JsonArray(items);
            default:
                return null;
        }
    }

    private static string Key(string container, string name) => container + "|" + name;

    /// <summary>Splits a comma-separated list, ignoring commas inside brackets or quotes.</summary>
    private static IEnumerable<string> SplitList(string text)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                var c = text[i];
                if (c == '"') quoted = !quoted;
                else if (!quoted && c == '[') depth++;
                else if (!quoted && c == ']') depth--;
                if (c != ',' || quoted || depth > 0) continue;
            }
            var item = text[start..i].Trim();
            if (item.Length > 0) yield return item;
            start = i + 1;
        }
    }

    private sealed class Selection
    {
        public bool Whole { get; set; }
        public HashSet<string> SubAttributes { get; } = new(StringComparer.OrdinalIgnoreCase);
        public FilterNode? Filter { get; set; }
    }
}

using Scim.Grains.Schemas;

namespace Scim.Grains.Filtering;

/// <summary>
/// The target of a PATCH operation (RFC 7644 §3.5.2 PATH): an attribute path, optionally a value filter on a
/// multi-valued attribute, and optionally a sub-attribute of the selected values (<c>emails[type eq "work"].value</c>).
/// </summary>
public sealed record PatchPath(AttrPath Attribute, FilterNode? Filter, string? SubAttribute);

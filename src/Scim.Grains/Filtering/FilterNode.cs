using Scim.Grains.Schemas;

namespace Scim.Grains.Filtering;

/// <summary>A node of a parsed SCIM filter (RFC 7644 §3.4.2.2). Records without behaviour; evaluators walk them.</summary>
public abstract record FilterNode;

/// <summary><c>path op value</c>.</summary>
public sealed record Compare(AttrPath Path, CompareOp Op, ScimLiteral Value) : FilterNode;

/// <summary><c>path pr</c>.</summary>
public sealed record Present(AttrPath Path) : FilterNode;

public sealed record And(FilterNode Left, FilterNode Right) : FilterNode;

public sealed record Or(FilterNode Left, FilterNode Right) : FilterNode;

public sealed record Not(FilterNode Inner) : FilterNode;

/// <summary><c>path[inner]</c>: some value of the multi-valued attribute matches <see cref="Inner"/>, whose paths are its sub-attributes.</summary>
public sealed record ValuePath(AttrPath Path, FilterNode Inner) : FilterNode;

namespace Scim.Grains.Filtering;

/// <summary>A lexical token of a filter and where it starts (for error messages).</summary>
public sealed record FilterToken(FilterTokenKind Kind, string Text, int Position);

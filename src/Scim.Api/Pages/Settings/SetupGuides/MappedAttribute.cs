namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>One row of a guide's attribute mapping: the SCIM attribute and what the provider fills it from.</summary>
public sealed record MappedAttribute(string ScimAttribute, string ProviderAttribute, string? Note = null);

namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>
/// How to connect one identity provider to a tenant, in that provider's own terms: the steps (with this tenant's values
/// to copy), the actions the provider can take, and which of its attributes fill which SCIM attribute.
/// </summary>
/// <param name="Provider">The provider's id, as tokens and the settings carry it.</param>
/// <param name="Source">The provider's public documentation the guide was written from.</param>
public sealed record SetupGuide(
    string Provider,
    string Name,
    string Intro,
    IReadOnlyList<GuideStep> Steps,
    IReadOnlyList<string> Actions,
    string ProviderColumn,
    IReadOnlyList<MappedAttribute> Mapping,
    string CustomFields,
    string Source);

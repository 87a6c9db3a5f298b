namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>One step of a setup guide, with the values it asks to enter (each under the provider's name for the field).</summary>
public sealed record GuideStep(string Text, params IReadOnlyList<GuideValue> Values);

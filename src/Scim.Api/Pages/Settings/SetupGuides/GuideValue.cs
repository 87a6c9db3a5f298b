namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>A value to enter in the identity provider: the field's name there and what goes in it.</summary>
/// <param name="Copyable">False for a value the page cannot show (the token, shown once when it is generated).</param>
public sealed record GuideValue(string Field, string Value, bool Copyable = true);

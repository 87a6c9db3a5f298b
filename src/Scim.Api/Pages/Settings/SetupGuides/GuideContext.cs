using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>What makes a guide this tenant's: its endpoint URL and its custom fields, under their schema URN.</summary>
public sealed record GuideContext(string EndpointUrl, string CustomFieldsUrn, IReadOnlyList<CustomField> CustomFields)
{
    public GuideValue Endpoint(string field) => new(field, EndpointUrl);

    public static GuideValue Token(string field) => new(field, "the token generated under Settings > Integrations > SCIM (shown once)", Copyable: false);

    /// <summary>The full attribute name an identity provider uses for a custom field.</summary>
    public string FullName(CustomField field) => $"{CustomFieldsUrn}:{field.Name}";

    /// <summary>A provider's standard mapping followed by one row per custom field, filled from <paramref name="customSource"/>.</summary>
    public IReadOnlyList<MappedAttribute> Mapping(IEnumerable<MappedAttribute> standard, string customSource) =>
    [
        .. standard,
        .. CustomFields.Select(f => new MappedAttribute(FullName(f), customSource,
            $"custom field, {f.Type}{(f.MultiValued ? ", several values" : "")}{(f.Required ? ", required" : "")}")),
    ];
}

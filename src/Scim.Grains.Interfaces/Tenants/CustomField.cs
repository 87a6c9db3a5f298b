namespace Scim.Grains.Interfaces.Tenants;

/// <summary>
/// A tenant-defined custom user field, exposed as an attribute of the tenant's SCIM schema extension: its name, SCIM
/// type (string, boolean, integer, decimal, dateTime, reference), whether it is multi-valued or required, whether text
/// compares case-exactly, and its canonical values (advertised in /Schemas, as RFC 7643 canonicalValues are).
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.CustomField")]
public sealed record CustomField(
    [property: Id(0)] string Name,
    [property: Id(1)] string Type,
    [property: Id(2)] bool MultiValued = false,
    [property: Id(3)] bool Required = false,
    [property: Id(4)] bool CaseExact = false,
    [property: Id(5)] IReadOnlyList<string>? CanonicalValues = null,
    [property: Id(6)] string? Description = null)
{
    /// <summary>The schema extension a tenant's custom fields live in; identity providers address them by its URN.</summary>
    public static string SchemaUrn(string tenant) => $"urn:ietf:params:scim:schemas:extension:{tenant}:2.0:User";
}

namespace Scim.Grains.Interfaces.Import;

/// <summary>
/// One user row of a CSV import, as read: <see cref="Line"/> is the file's line number; <see cref="UserName"/> is the
/// key the user is found by, the row's userName or, when that cell is empty, its e-mail. A null value is a column the
/// file does not have or an empty cell: it leaves the user's attribute as it is. <see cref="CustomFields"/> is keyed by
/// field name.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ImportRow")]
public sealed record ImportRow(
    [property: Id(0)] int Line,
    [property: Id(1)] string? UserName,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? GivenName,
    [property: Id(4)] string? FamilyName,
    [property: Id(5)] string? DisplayName,
    [property: Id(6)] string? Active,
    [property: Id(7)] string? ExternalId,
    [property: Id(8)] IReadOnlyList<string> Groups,
    [property: Id(9)] IReadOnlyDictionary<string, string> CustomFields);

namespace Scim.Grains.Interfaces.Import;

/// <summary>
/// Decides what a CSV import does with a tenant's users, by the same rules as SCIM (the tenant's schema, its custom
/// fields, userName unique without case). Keyed by tenant; stateless, so the rows of a large file spread over silos.
/// </summary>
[Alias("scim.IUserImportGrain")]
public interface IUserImportGrain : IGrainWithStringKey
{
    /// <summary>What each row would do, in order, changing nothing.</summary>
    Task<IReadOnlyList<ImportOutcome>> PreviewAsync(IReadOnlyList<ImportRow> rows);
}

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

    /// <summary>
    /// Does what each row says, in order: creates (inviting by e-mail if asked), updates only the attributes the row fills,
    /// deactivates, and makes the user a manual member of the row's groups. A row that fails is refused; the others stand.
    /// </summary>
    Task<IReadOnlyList<ImportOutcome>> ApplyAsync(IReadOnlyList<ImportRow> rows, bool invite);
}

using System.Runtime.CompilerServices;
using CsvHelper;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Csv;

/// <summary>
/// Reads a users CSV file as it arrives, a row at a time: the header names the columns (in any order and case; those of
/// the users export, custom fields by name or full name, "email" or "userName" at least), and each later line is one
/// user. A file that is not CSV, not UTF-8 or without such a header is refused as a whole, before any row counts.
/// </summary>
public static class UserCsvReader
{
    private static readonly string[] Known = ["id", .. UserCsvExport.Columns.Skip(1)];

    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream file, string tenant, IReadOnlyList<CustomField> fields,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var customPrefix = CustomField.SchemaUrn(tenant) + ":";
        await using var csv = CsvReader.Create(file, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true, MaxRecordSize = 1024 * 1024 }, leaveOpen: true);
        await Readable(async () => { await csv.ReadHeaderAsync(cancellationToken); return true; });
        var header = csv.Headers.ToList();
        if (header.Count == 0) throw ScimException.InvalidValue("The file is empty: it needs a header line and a line per user.");
        var columns = Columns(header, customPrefix, fields);
        while (await Readable(() => csv.ReadAsync(cancellationToken)))
        {
            var line = (int)csv.LineNumber;
            string? Cell(string name)
            {
                if (!columns.TryGetValue(name, out var index)) return null;
                var text = csv.GetString(index);
                if (text.Contains('\uFFFD')) throw NotUtf8(line);
                return string.IsNullOrWhiteSpace(text) ? null : text;
            }
            yield return new ImportRow(line, Cell("userName") ?? Cell("email"), Cell("email"), Cell("givenName"), Cell("familyName"), Cell("displayName"),
                Cell("active"), Cell("externalId"),
                Cell("groups")?.Split(CsvFiles.ValueSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                columns.Where(c => c.Key.StartsWith(customPrefix, StringComparison.Ordinal))
                    .Select(c => (Name: c.Key[customPrefix.Length..], Value: Cell(c.Key)))
                    .Where(c => c.Value is not null).ToDictionary(c => c.Name, c => c.Value!));
        }
    }

    /// <summary>Each column's index by its canonical name (custom fields under their full name).</summary>
    private static Dictionary<string, int> Columns(IReadOnlyList<string> header, string customPrefix, IReadOnlyList<CustomField> fields)
    {
        if (header.Any(h => h.Contains('\0'))) throw ScimException.InvalidValue("The file is not CSV (it holds binary data, as a spreadsheet's own format does): save it as “CSV UTF-8”.");
        if (header.Any(h => h.Contains('\uFFFD'))) throw NotUtf8(1);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var fieldName = name.StartsWith(customPrefix, StringComparison.OrdinalIgnoreCase) ? name[customPrefix.Length..] : name;
            var canonical = Known.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? fields.Where(f => f.Name.Equals(fieldName, StringComparison.OrdinalIgnoreCase)).Select(f => customPrefix + f.Name).FirstOrDefault();
            if (canonical is null) unknown.Add(name.Length == 0 ? $"(empty, column {i + 1})" : name);
            else if (!columns.TryAdd(canonical, i)) throw ScimException.InvalidValue($"The header names the column '{name}' twice.");
        }
        if (!columns.ContainsKey("userName") && !columns.ContainsKey("email"))
            throw ScimException.InvalidValue("The first line must be a header naming the columns, with userName or email among them "
                + $"(found: {string.Join(", ", header.Take(10))}).");
        if (unknown.Count > 0)
            throw ScimException.InvalidValue($"The header has columns the import does not know: {string.Join(", ", unknown)}. "
                + $"It takes {string.Join(", ", Known)}{string.Concat(fields.Select(f => ", " + f.Name))} (custom fields also as {customPrefix}<field>).");
        return columns;
    }

    /// <summary>A read of the file, its refusal of a broken file turned into <see cref="Unreadable"/>.</summary>
    private static async ValueTask<T> Readable<T>(Func<ValueTask<T>> read)
    {
        try
        {
            return await read();
        }
        catch (CsvFormatException e)
        {
            throw Unreadable(e);
        }
    }

    /// <summary>The reader's refusal of a broken file (a record past the size limit, bad quoting) as a 400 naming the line.</summary>
    private static ScimException Unreadable(CsvFormatException e) =>
        ScimException.InvalidValue($"Line {e.LineNumber} cannot be read as CSV ({e.Message}). A quote that is never closed is the usual "
            + "cause: check the line's quotes, or save the file as “CSV UTF-8” again.");

    private static ScimException NotUtf8(int line) =>
        ScimException.InvalidValue($"Line {line} is not UTF-8 text: save the file as “CSV UTF-8” and upload it again.");
}

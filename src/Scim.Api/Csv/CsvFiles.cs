using CsvHelper;

namespace Scim.Api.Csv;

/// <summary>How the service writes CSV: RFC 4180 in UTF-8 with a byte order mark (so spreadsheets read the accents), and
/// every text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or CR) escaped with a quote.</summary>
public static class CsvFiles
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly CsvWriterOptions Writing = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    /// <summary>Several values of one cell (groups, a multi-valued custom field), as the import reads them back.</summary>
    public const char ValueSeparator = ';';
}

using CsvHelper;

namespace Scim.Api.Csv;

/// <summary>
/// A CSV writer for a response body, which takes only asynchronous writes: records go to a memory buffer, and each
/// <see cref="FlushAsync"/> (once per page of resources) copies it out, so memory holds about one page.
/// </summary>
public sealed class PagedCsvWriter(Stream output) : IAsyncDisposable
{
    private readonly MemoryStream buffer = new();
    private CsvWriter? writer;

    public CsvWriter Csv => writer ??= CsvWriter.Create(buffer, CsvFiles.Writing, leaveOpen: true);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        Csv.Flush();
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
        buffer.SetLength(0);
        await output.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null) await writer.DisposeAsync();
        await buffer.DisposeAsync();
    }
}

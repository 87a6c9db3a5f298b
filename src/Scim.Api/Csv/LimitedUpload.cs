using Microsoft.AspNetCore.Http.Features;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Csv;

/// <summary>
/// An uploaded file read as a stream under a size limit: a larger one is refused with a 413 as soon as the limit is
/// passed (or at once, when its length is declared), before any row is applied.
/// </summary>
public sealed class LimitedUpload(Stream inner, long limit) : Stream
{
    public const long MaxImportBytes = 100L * 1024 * 1024;

    private long read;

    /// <summary>
    /// The request's body as an import file: refused at once when its declared length is over the limit, and the
    /// server's own body limit raised to the import's (<see cref="ImportJobs"/> counts what it reads).
    /// </summary>
    public static Stream BodyOf(HttpRequest request)
    {
        if (request.ContentLength > MaxImportBytes) throw TooLarge();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxImportBytes + 1;
        return request.Body;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await inner.ReadAsync(buffer, cancellationToken);
        if ((read += count) > limit) throw TooLarge();
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Uploads are read asynchronously.");

    private static ScimException TooLarge() =>
        ScimException.PayloadTooLarge($"The file is larger than {MaxImportBytes / 1024 / 1024} MB: split it into several files.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

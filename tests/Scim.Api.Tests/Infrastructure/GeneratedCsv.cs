using System.Text;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>A CSV file made as it is read: the header, then <paramref name="rows"/> lines from <paramref name="line"/>; never held whole.</summary>
public sealed class GeneratedCsv(string header, int rows, Func<int, string> line) : Stream
{
    private int next = -1;
    private byte[] pending = [];
    private int offset;

    public override int Read(byte[] buffer, int start, int count)
    {
        if (offset == pending.Length)
        {
            if (next == rows) return 0;
            pending = Encoding.UTF8.GetBytes((next < 0 ? header : line(next)) + "\n");
            next++;
            offset = 0;
        }
        var take = Math.Min(count, pending.Length - offset);
        Array.Copy(pending, offset, buffer, start, take);
        offset += take;
        return take;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

using System.Buffers;
using System.Text.Json;

namespace Scim.Grains.Documents;

/// <summary>
/// A thread's buffer and JSON writer for writing a document synchronously (a response, a stored row put in order), reused
/// so that the JSON written costs only its text. A buffer grown by a large group is let go rather than kept by the thread.
/// </summary>
internal static class JsonBuffer
{
    private const int KeptCapacity = 256 * 1024;

    [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;
    [ThreadStatic] private static Utf8JsonWriter? writer;

    /// <summary>The thread's buffer, emptied, and a writer on it; used until the caller returns.</summary>
    public static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) Take()
    {
        if (buffer is null || buffer.Capacity > KeptCapacity)
        {
            buffer = new ArrayBufferWriter<byte>(4096);
            writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ScimJson.Options.Encoder });
        }
        else
        {
            buffer.ResetWrittenCount();
            writer!.Reset(buffer);
        }
        return (buffer, writer!);
    }
}

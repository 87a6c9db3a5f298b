using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>A span as an OTLP collector receives it: the process that sent it, its scope, ids, name, kind and attributes.</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// An OTLP/HTTP collector on loopback for tests of processes of their own: it keeps every payload as sent (traces, logs,
/// metrics) and reads the spans out of trace payloads, with just the fields of the OTLP protobuf messages a test needs.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    /// <summary>OTLP's span kinds.</summary>
    public const int ServerKind = 2;
    public const int ClientKind = 3;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedSpan> spans = new();
    private readonly ConcurrentQueue<byte[]> payloads = new();

    private OtlpReceiver(WebApplication app) => this.app = app;

    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<ReceivedSpan> Spans => [.. spans];

    /// <summary>Every payload received, of every signal.</summary>
    public IReadOnlyList<byte[]> Payloads => [.. payloads];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{ScimApiFactory.FreePort()}");
        var receiver = new OtlpReceiver(builder.Build());
        receiver.app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.payloads.Enqueue(body.ToArray());
            if (signal == "traces") foreach (var span in ReadTraces(body.ToArray())) receiver.spans.Enqueue(span);
            return Results.Ok();
        });
        await receiver.app.StartAsync();
        receiver.Endpoint = receiver.app.Urls.Single();
        return receiver;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static IEnumerable<ReceivedSpan> ReadTraces(byte[] request) =>
        Fields(request).Where(f => f.Number == 1).SelectMany(f => ReadResourceSpans(f.Bytes));

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }; Resource { repeated KeyValue attributes = 1; }
    private static IEnumerable<ReceivedSpan> ReadResourceSpans(byte[] message)
    {
        var fields = Fields(message).ToList();
        var resource = fields.Where(f => f.Number == 1).SelectMany(f => Fields(f.Bytes)).Where(f => f.Number == 1).SelectMany(f => Attributes(f.Bytes)).ToDictionary();
        var service = resource.GetValueOrDefault("service.name", "");
        return fields.Where(f => f.Number == 2).SelectMany(f => ReadScopeSpans(f.Bytes, service));
    }

    // ScopeSpans { InstrumentationScope scope = 1 (string name = 1); repeated Span spans = 2; }
    private static IEnumerable<ReceivedSpan> ReadScopeSpans(byte[] message, string service)
    {
        var fields = Fields(message).ToList();
        var scope = fields.Where(f => f.Number == 1).SelectMany(f => Fields(f.Bytes)).FirstOrDefault(f => f.Number == 1)?.Text ?? "";
        return fields.Where(f => f.Number == 2).Select(f => ReadSpan(f.Bytes, service, scope));
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; repeated KeyValue attributes = 9; }
    private static ReceivedSpan ReadSpan(byte[] message, string service, string scope)
    {
        var fields = Fields(message).ToList();
        string Hex(int number) => Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Number == number)?.Bytes ?? []);
        return new ReceivedSpan(service, scope, Hex(1), Hex(2), Hex(4), fields.FirstOrDefault(f => f.Number == 5)?.Text ?? "",
            (int)(fields.FirstOrDefault(f => f.Number == 6)?.Varint ?? 0), fields.Where(f => f.Number == 9).SelectMany(f => Attributes(f.Bytes)).ToDictionary());
    }

    // KeyValue { string key = 1; AnyValue value = 2; }; AnyValue { string string_value = 1; bool = 2; int = 3; ... }
    private static IEnumerable<KeyValuePair<string, string>> Attributes(byte[] keyValue)
    {
        var fields = Fields(keyValue).ToList();
        var key = fields.FirstOrDefault(f => f.Number == 1)?.Text;
        if (key is null) yield break;
        var value = fields.Where(f => f.Number == 2).SelectMany(f => Fields(f.Bytes)).FirstOrDefault();
        yield return new(key, value?.Text ?? value?.Varint?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }

    private sealed record Field(int Number, byte[] Bytes, ulong? Varint)
    {
        public string? Text => Varint is null ? System.Text.Encoding.UTF8.GetString(Bytes) : null;
    }

    /// <summary>The fields of one protobuf message; a length-delimited field is kept as bytes, a varint as its value.</summary>
    private static IEnumerable<Field> Fields(byte[] message)
    {
        var input = new CodedInputStream(message);
        var fields = new List<Field>();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.LengthDelimited:
                    fields.Add(new Field(number, input.ReadBytes().ToByteArray(), null));
                    break;
                case WireFormat.WireType.Varint:
                    fields.Add(new Field(number, [], input.ReadUInt64()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return fields;
    }
}

using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Http;

/// <summary>
/// Reads request bodies under the configured size limit (413 above it), through <see cref="StrictJson"/>. Any content
/// type is accepted as long as the body is JSON: clients send application/scim+json, application/json and sometimes text/plain.
/// </summary>
public sealed class RequestBodies(IOptions<ScimApiOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The first buffer of a body whose length is not announced (chunked).</summary>
    private const int DefaultBufferBytes = 16 * 1024;

    public Task<string> ReadTextAsync(HttpRequest request) => ReadTextAsync(request, options.Value.MaxRequestBytes);

    /// <summary>Reads a body under an explicit limit (bulk requests have their own, advertised one).</summary>
    public async Task<string> ReadTextAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit) throw TooLarge(limit);
        // A pooled buffer of the announced length and one byte more, so the read that finds the end needs no larger one:
        // a fresh 16 KB chunk per request was most of the API's own allocation on small PATCHes.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? DefaultBufferBytes, limit) + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
                if (length > limit) throw TooLarge(limit);
                if (length == buffer.Length) buffer = Grown(buffer, limit);
            }
            if (length == 0) throw ScimException.InvalidSyntax("The request body is empty.");
            var text = StrictJson.Read(buffer.AsSpan(0, length));
            // The provisioning log reads the names of the attributes set from it, later and elsewhere.
            ScimRequestFacts.Of(request.HttpContext).Body = text;
            return text;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A pooled buffer twice as large (at most one byte over the limit) holding the full one's bytes; the full one goes back.</summary>
    private static byte[] Grown(byte[] full, int limit)
    {
        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * full.Length, limit + 1L));
        full.CopyTo(grown, 0);
        ArrayPool<byte>.Shared.Return(full);
        return grown;
    }

    /// <summary>Reads a small JSON body of the admin API into <typeparamref name="T"/>.</summary>
    public async Task<T> ReadAsync<T>(HttpRequest request) where T : class
    {
        var text = await ReadTextAsync(request);
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? throw ScimException.InvalidSyntax("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ScimException.InvalidSyntax($"The request body is not valid JSON for this request: {e.Message}");
        }
    }

    private static ScimException TooLarge(int limit) => ScimException.PayloadTooLarge($"The request body is larger than {limit} bytes.");
}

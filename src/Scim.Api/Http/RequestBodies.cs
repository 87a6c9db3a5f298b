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

    public Task<string> ReadTextAsync(HttpRequest request) => ReadTextAsync(request, options.Value.MaxRequestBytes);

    /// <summary>Reads a body under an explicit limit (bulk requests have their own, advertised one).</summary>
    public async Task<string> ReadTextAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit) throw TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw ScimException.InvalidSyntax("The request body is empty.");
        var text = StrictJson.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        // The provisioning log reads the names of the attributes set from it, later and elsewhere.
        ScimRequestFacts.Of(request.HttpContext).Body = text;
        return text;
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

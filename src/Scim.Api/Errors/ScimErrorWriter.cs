using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Errors;

/// <summary>
/// Writes the SCIM error body of RFC 7644 §3.12 (status as a string, optional scimType, detail). A 503 always says
/// when to retry (Retry-After), since everything this service answers with 503 passes when retried.
/// </summary>
public static class ScimErrorWriter
{
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    /// <summary>
    /// For a response that left the pipeline with an error status and no body (no route, a method the route lacks, a
    /// request the framework refused): on the service's API paths, the SCIM error of that status.
    /// </summary>
    public static Task WriteForBareStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!ApiPaths.Any(p => http.Request.Path.StartsWithSegments(p))) return Task.CompletedTask;
        var status = http.Response.StatusCode;
        var detail = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? $"{reason}." : $"The request failed with status {status}.";
        return WriteAsync(http, status, null, status == StatusCodes.Status404NotFound ? "No such resource or endpoint." : detail);
    }

    private static readonly string[] ApiPaths = ["/scim", "/admin", "/api"];

    public static async Task WriteAsync(HttpContext context, int status, string? scimType, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ScimMediaTypes.ScimJson;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = TransientFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var writer = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteStartArray("schemas");
        writer.WriteStringValue(ErrorSchema);
        writer.WriteEndArray();
        writer.WriteString("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (scimType is not null) writer.WriteString("scimType", scimType);
        writer.WriteString("detail", detail);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}

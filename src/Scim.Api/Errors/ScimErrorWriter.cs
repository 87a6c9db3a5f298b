using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scim.Api.Http;

namespace Scim.Api.Errors;

/// <summary>Writes the SCIM error body of RFC 7644 §3.12 (status as a string, optional scimType, detail).</summary>
public static class ScimErrorWriter
{
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static async Task WriteAsync(HttpContext context, int status, string? scimType, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ScimMediaTypes.ScimJson;
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

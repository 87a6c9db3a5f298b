using System.Globalization;
using System.Text;
using System.Text.Json;
using Scim.Api.Errors;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Bulk;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Endpoints;

/// <summary>
/// POST /Bulk (RFC 7644 §3.7): bodies up to <see cref="BulkLimits.MaxPayloadBytes"/> and
/// <see cref="BulkLimits.MaxOperations"/> operations (413 above either), run by the tenant's bulk grain; the answer is
/// a BulkResponse with one entry per operation run, each with the status it would have had alone.
/// </summary>
public static class BulkEndpoints
{
    private const string ResponseSchema = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    public static void MapBulk(this RouteGroupBuilder scim) =>
        scim.MapPost("/Bulk", async (HttpContext http, string tenant, [AsParameters] ScimServices s) =>
        {
            var request = BulkRequests.Parse(await s.Bodies.ReadTextAsync(http.Request, BulkLimits.MaxPayloadBytes));
            var render = ScimRequests.Render(http.Request, s.Options.Value, tenant);
            var results = await s.Grains.Grain<IBulkGrain>(tenant).ExecuteAsync(request, render);
            return new ScimResult(StatusCodes.Status200OK, Render(results));
        }).WithTags("Bulk").WithMetadata(new LoggedResourceType("Bulk"));

    private static string Render(IReadOnlyList<BulkOperationResult> results)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("schemas");
            writer.WriteStringValue(ResponseSchema);
            writer.WriteEndArray();
            writer.WriteStartArray("Operations");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("method", result.Method);
                if (result.BulkId is not null) writer.WriteString("bulkId", result.BulkId);
                if (result.Location is not null) writer.WriteString("location", result.Location);
                if (result.Version is not null) writer.WriteString("version", result.Version);
                var status = result.Status.ToString(CultureInfo.InvariantCulture);
                writer.WriteString("status", status);
                if (result.Detail is not null)
                {
                    writer.WriteStartObject("response");
                    writer.WriteStartArray("schemas");
                    writer.WriteStringValue(ScimErrorWriter.ErrorSchema);
                    writer.WriteEndArray();
                    writer.WriteString("status", status);
                    if (result.ScimType is not null) writer.WriteString("scimType", result.ScimType);
                    writer.WriteString("detail", result.Detail);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Http;

/// <summary>A SCIM JSON response whose body the grains already rendered; adds ETag and Location headers where they apply.</summary>
public sealed class ScimResult(int status, string json, string? etag = null, string? location = null) : IResult
{
    private const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    /// <summary>A single resource with its ETag; a 201 also gets its Location header.</summary>
    public static ScimResult Resource(ResourceSnapshot snapshot, int status = StatusCodes.Status200OK) =>
        new(status, snapshot.Json, snapshot.ETag, status == StatusCodes.Status201Created ? snapshot.Location : null);

    public static ScimResult List(ListResult list)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("schemas");
            writer.WriteStringValue(ListResponseSchema);
            writer.WriteEndArray();
            writer.WriteNumber("totalResults", list.TotalResults);
            // RFC 9865: a cursor page has no index; nextCursor is there while more pages follow.
            if (!list.CursorPaged) writer.WriteNumber("startIndex", list.StartIndex);
            writer.WriteNumber("itemsPerPage", list.Resources.Count);
            if (list.NextCursor is not null) writer.WriteString("nextCursor", list.NextCursor);
            writer.WriteStartArray("Resources");
            foreach (var resource in list.Resources) writer.WriteRawValue(resource, skipInputValidation: true);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return new ScimResult(StatusCodes.Status200OK, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = ScimMediaTypes.ScimJson;
        if (etag is not null) response.Headers.ETag = etag;
        if (location is not null) response.Headers.Location = location;
        return response.WriteAsync(json, httpContext.RequestAborted);
    }
}

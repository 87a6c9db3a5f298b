using System.Text;
using System.Text.Json;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Http;

/// <summary>
/// A SCIM JSON response whose body the grains already rendered; adds ETag and Location headers where they apply. A
/// large group arrives with its first chunk of members only: the others are read from its grain one chunk at a time
/// and written as they come, so neither a grain call nor this process holds all of a 100k-member group at once.
/// </summary>
public sealed class ScimResult : IResult
{
    private const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private readonly int status;
    private readonly string? head;
    private readonly IReadOnlyList<RenderedResource> resources;
    private readonly string? tail;
    private readonly MemberStream? members;
    private readonly string? etag;
    private readonly string? location;

    /// <summary>A body rendered in full (no group with more members to read).</summary>
    public ScimResult(int status, string json) : this(status, null, [new RenderedResource(json)], null, null) { }

    private ScimResult(int status, string? head, IReadOnlyList<RenderedResource> resources, string? tail, MemberStream? members,
        string? etag = null, string? location = null) =>
        (this.status, this.head, this.resources, this.tail, this.members, this.etag, this.location) =
            (status, head, resources, tail, members, etag, location);

    /// <summary>A single resource with its ETag; a 201 also gets its Location header.</summary>
    public static ScimResult Resource(ResourceSnapshot snapshot, MemberStream members, int status = StatusCodes.Status200OK) =>
        new(status, null, [new RenderedResource(snapshot.Json, snapshot.MoreMembers)], null, members, snapshot.ETag,
            status == StatusCodes.Status201Created ? snapshot.Location : null);

    public static ScimResult List(ListResult list, MemberStream members)
    {
        var buffer = new MemoryStream();
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
            // Left open: the resources follow, then the closing "]}".
        }
        return new ScimResult(StatusCodes.Status200OK, Encoding.UTF8.GetString(buffer.ToArray()), list.Resources, "]}", members);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancel = httpContext.RequestAborted;
        response.StatusCode = status;
        response.ContentType = ScimMediaTypes.ScimJson;
        if (etag is not null) response.Headers.ETag = etag;
        if (location is not null) response.Headers.Location = location;
        var parts = Parts().ToList();
        if (parts.All(part => part.More is null))
        {
            // Rendered in full: sent with its length in one write. Written piece by piece without a length, the
            // response would go out chunked, a send for each piece and one more for the closing chunk.
            response.ContentLength = parts.Sum(part => (long)Encoding.UTF8.GetByteCount(part.Text));
            foreach (var part in parts) Encoding.UTF8.GetBytes(part.Text, response.BodyWriter);
            await response.BodyWriter.FlushAsync(cancel);
            return;
        }
        foreach (var part in parts)
        {
            if (part.More is { } more) await WriteWithMembersAsync(response, more, cancel);
            else await response.WriteAsync(part.Text, cancel);
        }
    }

    /// <summary>The body in order: the head, the resources with commas between, the tail; a large group as its members to stream.</summary>
    private IEnumerable<(string Text, MembersToStream? More)> Parts()
    {
        if (head is not null) yield return (head, null);
        for (var i = 0; i < resources.Count; i++)
        {
            if (i > 0) yield return (",", null);
            yield return (resources[i].Json, resources[i].MoreMembers);
        }
        if (tail is not null) yield return (tail, null);
    }

    /// <summary>A large group: its text around the members array, and the array written chunk after chunk.</summary>
    private async Task WriteWithMembersAsync(HttpResponse response, MembersToStream more, CancellationToken cancel)
    {
        await response.WriteAsync(more.Before + "\"members\":[" + more.FirstMembers, cancel);
        var reader = members ?? throw new InvalidOperationException("A group with more members needs a MemberStream to read them from.");
        var group = reader.Grains.Grain<IGroupGrain>(ResourceKeys.Of(reader.Tenant, more.GroupId));
        var comma = more.FirstMembers.Length > 0;
        for (string? after = more.NextAfter; after is not null;)
        {
            var chunk = await group.RenderMembersAsync(after, reader.Render);
            if (chunk.Json.Length > 0)
            {
                if (comma) await response.WriteAsync(",", cancel);
                await response.WriteAsync(chunk.Json, cancel);
                comma = true;
            }
            after = chunk.Next;
        }
        await response.WriteAsync("]" + more.After, cancel);
    }
}

namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// The operations common to a SCIM resource (a user or a group). Keyed <c>{tenant}/{id}</c>; one activation
/// is the only writer of its resource, so its changes are serialized without locks.
/// </summary>
public interface IResourceGrain
{
    /// <summary>
    /// Reads the resource (RFC 7644 §3.4.1); 404 when it does not exist. When <paramref name="ifNoneMatch"/> (an
    /// If-None-Match value, RFC 9110 §13.1.2) matches its version, nothing is rendered: the snapshot is NotModified.
    /// </summary>
    Task<ResourceSnapshot> GetAsync(RenderOptions render, string? ifNoneMatch);

    /// <summary>Replaces the resource from a PUT body (RFC 7644 §3.5.1): readOnly attributes ignored, immutable ones checked.</summary>
    Task<ResourceSnapshot> ReplaceAsync(string json, string? ifMatch, RenderOptions render);

    /// <summary>Applies an RFC 7644 §3.5.2 PATCH, all operations or none, and renders the result.</summary>
    Task<ResourceSnapshot> PatchAsync(PatchRequest patch, string? ifMatch, RenderOptions render);

    /// <summary>
    /// Applies a PATCH for a caller that needs no body (a 204 answer): nothing is rendered, so a group's members are
    /// not read. A group may write several of these together (group commit); each still gets its own outcome.
    /// </summary>
    Task<ResourceVersion> PatchWithoutBodyAsync(PatchRequest patch, string? ifMatch);

    /// <summary>Deletes the resource and the memberships that refer to it (RFC 7644 §3.6).</summary>
    Task DeleteAsync(string? ifMatch);
}

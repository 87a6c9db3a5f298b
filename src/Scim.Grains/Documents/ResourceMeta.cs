namespace Scim.Grains.Documents;

/// <summary>The server-maintained part of a resource's meta (RFC 7643 §3.1); location is added when rendering.</summary>
public sealed record ResourceMeta(DateTimeOffset Created, DateTimeOffset LastModified, long Version);

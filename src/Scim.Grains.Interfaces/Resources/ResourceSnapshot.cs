namespace Scim.Grains.Interfaces.Resources;

/// <summary>A rendered resource: its id, its version (the ETag is <c>W/"{Version}"</c>) and its JSON body.</summary>
[GenerateSerializer, Immutable, Alias("scim.ResourceSnapshot")]
public sealed record ResourceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] string Json)
{
    public string ETag => $"W/\"{Version}\"";
}

namespace Scim.Grains.Interfaces.Platform;

/// <summary>A platform user as the operator API shows it: the user resource's id, userName and e-mails, and its role.</summary>
[GenerateSerializer, Immutable, Alias("scim.PlatformUser")]
public sealed record PlatformUser(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserName,
    [property: Id(2)] IReadOnlyList<string> Emails,
    [property: Id(3)] PlatformRole Role);

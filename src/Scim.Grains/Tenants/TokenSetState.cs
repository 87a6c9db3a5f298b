namespace Scim.Grains.Tenants;

/// <summary>The persistent state of a token set grain.</summary>
[GenerateSerializer, Alias("scim.TokenSetState")]
public sealed class TokenSetState
{
    [Id(0)] public bool TenantExists { get; set; }
    [Id(1)] public List<TokenRecord> Tokens { get; set; } = [];
    [Id(2)] public bool IntegrationActive { get; set; }
}

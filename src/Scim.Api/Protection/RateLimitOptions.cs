namespace Scim.Api.Protection;

/// <summary>
/// Per-tenant limits on SCIM calls (section "Scim:RateLimits"): a token bucket per tenant, <see cref="Default"/> unless
/// <see cref="Tenants"/> names the tenant. Each API process keeps its own buckets, so N replicas allow N times the rate.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Scim:RateLimits";

    public TenantRateLimit Default { get; set; } = new();

    public Dictionary<string, TenantRateLimit> Tenants { get; set; } = new(StringComparer.Ordinal);

    public TenantRateLimit For(string tenant) => Tenants.GetValueOrDefault(tenant) ?? Default;

    /// <summary>Posts of the sign-in form a client address may make per minute (<see cref="SignInRateLimiting"/>).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;
}

/// <summary>A tenant's bucket: refilled by <see cref="PermitsPerSecond"/>, holding at most <see cref="Burst"/>.</summary>
public sealed class TenantRateLimit
{
    public int PermitsPerSecond { get; set; } = 2000;

    public int Burst { get; set; } = 4000;
}

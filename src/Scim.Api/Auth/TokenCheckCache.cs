using System.Collections.Concurrent;
using System.Security.Cryptography;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Auth;

/// <summary>
/// The SCIM token checks that let a request in, kept for <see cref="MaxAge"/>: an identity provider's burst then costs
/// its token set grain one call a second per token instead of one per request (a tenth of the CPU of a read by id). A
/// kept check answers only for the SHA-256 of the secret it was made with, compared in constant time; anything else
/// asks the grain. This process forgets a tenant's checks as soon as it changes what they depend on
/// (<see cref="TokenChanges"/>): a token revoked, issued or superseded, the integration opened or closed. Such a
/// change made through another API replica reaches this one within <see cref="MaxAge"/>.
/// </summary>
public sealed class TokenCheckCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, TenantChecks> tenants = new(StringComparer.Ordinal);

    public async ValueTask<TokenCheck> CheckAsync(string tenant, string tokenId, byte[] secretHash)
    {
        // Taken before asking the grain: if the tenant is forgotten meanwhile, the answer lands in the detached set.
        var checks = tenants.GetOrAdd(tenant, static _ => new TenantChecks());
        var now = clock.GetUtcNow();
        if (checks.TryGet(tokenId, secretHash, now) is { } kept) return kept;
        var check = await grains.Grain<ITokenSetGrain>(tenant).AuthenticateAsync(tokenId, secretHash);
        if (check is { Identity: not null, IntegrationActive: true }) checks.Keep(tokenId, secretHash, check, now + MaxAge);
        return check;
    }

    /// <summary>Drops every kept check of a tenant; checks in flight then land in a set no one reads.</summary>
    public void Forget(string tenant) => tenants.TryRemove(tenant, out _);

    private sealed class TenantChecks
    {
        private readonly ConcurrentDictionary<string, Kept> byToken = new(StringComparer.Ordinal);

        public TokenCheck? TryGet(string tokenId, byte[] secretHash, DateTimeOffset now) =>
            byToken.TryGetValue(tokenId, out var kept) && now < kept.Until && CryptographicOperations.FixedTimeEquals(kept.SecretHash, secretHash)
                ? kept.Check
                : null;

        public void Keep(string tokenId, byte[] secretHash, TokenCheck check, DateTimeOffset until) => byToken[tokenId] = new(secretHash, check, until);
    }

    private sealed record Kept(byte[] SecretHash, TokenCheck Check, DateTimeOffset Until);
}

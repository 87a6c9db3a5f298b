using Orleans.Storage;
using System.Security.Cryptography;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Storage;

namespace Scim.Grains.Tenants;

/// <summary>
/// The SCIM tokens of one tenant. Only SHA-256 hashes of the secrets are kept; a presented secret's hash is compared
/// in constant time, and an unknown token id still costs one comparison so timing does not reveal which ids exist. One
/// token per identity provider is active: issuing another supersedes it, at once or after an overlap for zero-downtime
/// rotation. Last use is written at most once a minute per token, so authentication is not a write per request.
/// </summary>
internal sealed class TokenSetGrain(
    [PersistentState(TokenSetGrain.StateName, ScimStorage.Name)] IPersistentState<TokenSetState> state,
    TimeProvider clock) : Grain, ITokenSetGrain
{
    /// <summary>The name of its state in grain storage (the tenant directory reads it too).</summary>
    public const string StateName = "scim.tokens";

    private static readonly byte[] NoHash = new byte[32];
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task InitializeAsync()
    {
        if (state.State.TenantExists) return;
        state.State.TenantExists = true;
        await state.WriteStateAsync();
    }

    public async Task<TokenInfo> IssueAsync(TokenRequest request, string tokenId, byte[] secretHash)
    {
        RequireTenant();
        if (secretHash.Length != NoHash.Length) throw ScimException.InvalidValue("A token's secret is kept as its SHA-256 hash.");
        if (state.State.Tokens.Exists(t => t.Id == tokenId)) throw ScimException.Uniqueness($"Token '{tokenId}' exists.");
        var provider = request.IdentityProvider;
        if (!IdentityProviders.IsKnown(provider))
            throw ScimException.InvalidValue($"Unknown identity provider '{provider}'; expected one of {string.Join(", ", IdentityProviders.All)}.");
        if (request.OverlapMinutes is < 0 or > TokenRequest.MaxOverlapMinutes)
            throw ScimException.InvalidValue($"overlapMinutes must be between 0 and {TokenRequest.MaxOverlapMinutes}.");
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{provider} token" : request.Name.Trim();
        if (name.Length > TokenRequest.MaxNameLength) throw ScimException.InvalidValue($"A token name has at most {TokenRequest.MaxNameLength} characters.");
        var now = clock.GetUtcNow();
        var tokens = state.State.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IdentityProvider == provider && tokens[i].IsActive)
                tokens[i] = tokens[i] with { SupersededAt = now, RetiresAt = now.AddMinutes(request.OverlapMinutes) };
        }
        var issued = new TokenRecord(tokenId, secretHash, provider, now) { Name = name, CreatedBy = request.CreatedBy };
        tokens.Add(issued);
        await state.WriteStateAsync();
        return Info(issued, now);
    }

    public Task<IReadOnlyList<TokenInfo>> ListAsync()
    {
        RequireTenant();
        var now = clock.GetUtcNow();
        IReadOnlyList<TokenInfo> tokens = state.State.Tokens.AsEnumerable().Reverse().Select(t => Info(t, now)).ToList();
        return Task.FromResult(tokens);
    }

    private static TokenInfo Info(TokenRecord token, DateTimeOffset now) =>
        new(token.Id, token.Name, token.IdentityProvider, token.Created, token.CreatedBy, token.LastUsed, token.StateAt(now),
            token.RevokedAt is null && token.SupersededAt is not null ? token.RetiresAt : null);

    public async Task RevokeAsync(string tokenId)
    {
        RequireTenant();
        var index = state.State.Tokens.FindIndex(t => t.Id == tokenId);
        if (index < 0) throw ScimException.NotFound($"Token '{tokenId}' not found.");
        if (state.State.Tokens[index].RevokedAt is not null) return;
        state.State.Tokens[index] = state.State.Tokens[index] with { RevokedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
    }

    public async Task SetIntegrationActiveAsync(bool active)
    {
        RequireTenant();
        if (state.State.IntegrationActive == active) return;
        state.State.IntegrationActive = active;
        await state.WriteStateAsync();
    }

    public async Task<TokenCheck> AuthenticateAsync(string tokenId, byte[] secretHash)
    {
        var (check, index) = Check(tokenId, secretHash);
        if (check.Identity is null) return check;
        var record = state.State.Tokens[index];
        var now = clock.GetUtcNow();
        if (record.LastUsed is { } used && now - used < LastUsedResolution) return check;
        state.State.Tokens[index] = record with { LastUsed = now };
        try
        {
            await state.WriteStateAsync();
            return check;
        }
        catch (InconsistentStateException)
        {
            // Another activation wrote meanwhile (a brief duplicate during a failure): its state wins, last use is not worth a failed call.
            await state.ReadStateAsync();
            return Check(tokenId, secretHash).Check;
        }
    }

    /// <summary>A presented token checked against the held state; the index of its record when it is valid.</summary>
    private (TokenCheck Check, int Index) Check(string tokenId, byte[] secretHash)
    {
        if (!state.State.TenantExists) return (new TokenCheck(false, null), -1);
        var index = state.State.Tokens.FindIndex(t => t.Id == tokenId);
        var record = index < 0 ? null : state.State.Tokens[index];
        var matches = CryptographicOperations.FixedTimeEquals(record?.SecretHash ?? NoHash, secretHash) && record is not null
            && record.WorksAt(clock.GetUtcNow());
        var identity = matches ? new TokenIdentity(record!.Id, record.IdentityProvider) : null;
        return (new TokenCheck(true, identity, state.State.IntegrationActive), index);
    }

    private void RequireTenant()
    {
        if (!state.State.TenantExists) throw ScimException.NotFound($"Tenant '{this.GetPrimaryKeyString()}' not found.");
    }
}

using Orleans.Runtime;
using System.Security.Cryptography;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Storage;

namespace Scim.Grains.Tenants;

/// <summary>
/// The SCIM tokens of one tenant. Only SHA-256 hashes of the secrets are kept; a presented secret's hash is compared
/// in constant time, and an unknown token id still costs one comparison so timing does not reveal which ids exist.
/// </summary>
internal sealed class TokenSetGrain(
    [PersistentState("scim.tokens", ScimStorage.Name)] IPersistentState<TokenSetState> state,
    TimeProvider clock) : Grain, ITokenSetGrain
{
    private static readonly byte[] NoHash = new byte[32];

    public async Task InitializeAsync()
    {
        if (state.State.TenantExists) return;
        state.State.TenantExists = true;
        await state.WriteStateAsync();
    }

    public async Task<IssuedToken> IssueAsync(string identityProvider)
    {
        RequireTenant();
        if (!IdentityProviders.IsKnown(identityProvider))
            throw ScimException.InvalidValue($"Unknown identity provider '{identityProvider}'; expected one of {string.Join(", ", IdentityProviders.All)}.");
        var id = BearerTokens.NewId();
        var secret = BearerTokens.NewSecret();
        var record = new TokenRecord(id, BearerTokens.Hash(secret), identityProvider, clock.GetUtcNow());
        state.State.Tokens.Add(record);
        await state.WriteStateAsync();
        return new IssuedToken(id, BearerTokens.Format(id, secret), identityProvider, record.Created);
    }

    public async Task RevokeAsync(string tokenId)
    {
        RequireTenant();
        if (state.State.Tokens.RemoveAll(t => t.Id == tokenId) == 0) throw ScimException.NotFound($"Token '{tokenId}' not found.");
        await state.WriteStateAsync();
    }

    public Task<TokenCheck> AuthenticateAsync(string tokenId, byte[] secretHash)
    {
        if (!state.State.TenantExists) return Task.FromResult(new TokenCheck(false, null));
        var record = state.State.Tokens.Find(t => t.Id == tokenId);
        var matches = CryptographicOperations.FixedTimeEquals(record?.SecretHash ?? NoHash, secretHash) && record is not null;
        return Task.FromResult(new TokenCheck(true, matches ? new TokenIdentity(record!.Id, record.IdentityProvider) : null));
    }

    private void RequireTenant()
    {
        if (!state.State.TenantExists) throw ScimException.NotFound($"Tenant '{this.GetPrimaryKeyString()}' not found.");
    }
}

using System.Security.Cryptography;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Storage;

namespace Scim.Grains.Platform;

/// <summary>
/// The admin keys of one tenant (until password logins exist). Hashes only, compared in constant time; the key's user
/// must still be an admin or the owner at every use, so demoting or deleting a user closes its keys.
/// </summary>
internal sealed class AdminKeySetGrain(
    [PersistentState("scim.adminkeys", ScimStorage.Name)] IPersistentState<AdminKeySetState> state,
    IResourceStore store,
    TimeProvider clock) : Grain, IAdminKeySetGrain
{
    private static readonly byte[] NoHash = new byte[32];

    private string Tenant => this.GetPrimaryKeyString();

    public async Task<AdminKeyInfo> IssueAsync(string userId, string keyId, byte[] secretHash)
    {
        if (secretHash.Length != NoHash.Length) throw ScimException.InvalidValue("An admin key's secret is kept as its SHA-256 hash.");
        if (state.State.Keys.Exists(k => k.Id == keyId)) throw ScimException.Uniqueness($"Admin key '{keyId}' exists.");
        var user = await store.GetAsync(Tenant, ResourceKind.User, userId, CancellationToken.None)
            ?? throw ScimException.NotFound($"User '{userId}' not found.");
        if (!Administrators.Includes(user.Role))
            throw ScimException.InvalidValue($"User '{userId}' is neither an admin nor the owner: admin keys are for admins and the owner.");
        var issued = new AdminKeyRecord(keyId, secretHash, userId, clock.GetUtcNow(), null);
        state.State.Keys.Add(issued);
        await state.WriteStateAsync();
        return Info(issued);
    }

    public Task<IReadOnlyList<AdminKeyInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<AdminKeyInfo>>(state.State.Keys.Select(Info).ToList());

    private static AdminKeyInfo Info(AdminKeyRecord key) => new(key.Id, key.UserId, key.Created, key.Revoked);

    public async Task RevokeAsync(string keyId)
    {
        var index = state.State.Keys.FindIndex(k => k.Id == keyId);
        if (index < 0) throw ScimException.NotFound($"Admin key '{keyId}' not found.");
        if (state.State.Keys[index].Revoked is not null) return;
        state.State.Keys[index] = state.State.Keys[index] with { Revoked = clock.GetUtcNow() };
        await state.WriteStateAsync();
    }

    public async Task<string?> AuthenticateAsync(string keyId, byte[] secretHash)
    {
        var key = state.State.Keys.Find(k => k.Id == keyId);
        if (!CryptographicOperations.FixedTimeEquals(key?.SecretHash ?? NoHash, secretHash) || key is null || key.Revoked is not null) return null;
        var user = await store.GetAsync(Tenant, ResourceKind.User, key.UserId, CancellationToken.None);
        return user is not null && Administrators.Includes(user.Role) ? user.Id : null;
    }
}

using Orleans.Runtime;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Tenants;

/// <summary>
/// A tenant (customer platform), keyed by its id. Its platform group, the root of its group tree, exists with it: SCIM
/// groups land under it and platform admins arrange them below it.
/// </summary>
internal sealed class TenantGrain(
    [PersistentState("scim.tenant", ScimStorage.Name)] IPersistentState<TenantState> state,
    TenantSchemas schemas,
    TimeProvider clock) : Grain, ITenantGrain
{
    public async Task<TenantInfo> CreateAsync(string displayName)
    {
        var id = this.GetPrimaryKeyString();
        if (state.State.Exists) throw ScimException.Conflict($"Tenant '{id}' already exists.");
        state.State = new TenantState
        {
            Exists = true, DisplayName = displayName, Created = clock.GetUtcNow(), PlatformGroupId = Guid.NewGuid().ToString(),
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ITokenSetGrain>(id).InitializeAsync();
        return Info();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Tenants stored before platform groups existed get theirs on first use.
        if (state.State.Exists && state.State.PlatformGroupId.Length == 0)
        {
            state.State.PlatformGroupId = Guid.NewGuid().ToString();
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task<TenantInfo?> GetAsync() => Task.FromResult(state.State.Exists ? Info() : null);

    public async Task<IReadOnlyList<CustomField>> SetCustomFieldsAsync(IReadOnlyList<CustomField> fields)
    {
        if (!state.State.Exists) throw ScimException.NotFound($"Tenant '{this.GetPrimaryKeyString()}' not found.");
        CustomSchemas.Validate(fields);
        state.State.CustomFields = [.. fields];
        await state.WriteStateAsync();
        schemas.Forget(this.GetPrimaryKeyString());
        return state.State.CustomFields;
    }

    public Task<IReadOnlyList<CustomField>> GetCustomFieldsAsync() => Task.FromResult<IReadOnlyList<CustomField>>(state.State.CustomFields);

    private TenantInfo Info() => new(this.GetPrimaryKeyString(), state.State.DisplayName, state.State.Created, state.State.PlatformGroupId);
}

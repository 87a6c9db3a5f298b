using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Tenants;

/// <summary>
/// A tenant (customer platform), keyed by its id. Its platform group, the root of its group tree, exists with it: SCIM
/// groups land under it and platform admins arrange them below it. It also holds the SCIM integration's lifecycle:
/// enabled by the operator, configured and (de)activated by a platform admin; the token set grain mirrors whether it is
/// active, so each SCIM call is checked by one grain call.
/// </summary>
internal sealed class TenantGrain(
    [PersistentState("scim.tenant", ScimStorage.Name)] IPersistentState<TenantState> state,
    TenantSchemas schemas,
    IResourceStore store,
    TimeProvider clock) : Grain, ITenantGrain
{
    public async Task<TenantInfo> CreateAsync(string displayName)
    {
        var id = this.GetPrimaryKeyString();
        if (state.State.Exists) throw ScimException.Conflict($"Tenant '{id}' already exists.");
        state.State = new TenantState
        {
            Exists = true, DisplayName = displayName, Created = clock.GetUtcNow(), PlatformGroupId = RandomIds.NewGuid().ToString(),
        };
        await state.WriteStateAsync();
        await GrainFactory.Grain<ITokenSetGrain>(id).InitializeAsync();
        await GrainFactory.GetGrain<ITenantCatalogGrain>(0).AddAsync(Info());
        return Info();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Tenants stored before platform groups existed get theirs on first use.
        if (state.State.Exists && state.State.PlatformGroupId.Length == 0)
        {
            state.State.PlatformGroupId = RandomIds.NewGuid().ToString();
            await state.WriteStateAsync(cancellationToken);
        }
        if (state.State.Exists) await GrainFactory.GetGrain<ITenantCatalogGrain>(0).AddAsync(Info());
    }

    public Task<TenantInfo?> GetAsync() => Task.FromResult(state.State.Exists ? Info() : null);

    public async Task<IReadOnlyList<CustomField>> SetCustomFieldsAsync(IReadOnlyList<CustomField> fields)
    {
        RequireTenant();
        CustomSchemas.Validate(fields);
        state.State.CustomFields = [.. fields];
        await state.WriteStateAsync();
        schemas.Forget(this.GetPrimaryKeyString());
        return state.State.CustomFields;
    }

    public Task<IReadOnlyList<CustomField>> GetCustomFieldsAsync() => Task.FromResult<IReadOnlyList<CustomField>>(state.State.CustomFields);

    public async Task<ConnectorState> EnableConnectorAsync(string platformGroupId, string connectorAdminEmail)
    {
        RequireTenant();
        if (platformGroupId != state.State.PlatformGroupId)
            throw ScimException.InvalidValue($"platformGroupId '{platformGroupId}' is not the platform group of tenant '{Tenant}' (GET /admin/v1/tenants/{Tenant} shows it).");
        if (string.IsNullOrWhiteSpace(connectorAdminEmail) || !await IsAdministratorAsync(connectorAdminEmail.Trim()))
        {
            throw ScimException.InvalidValue(
                $"connectorAdminEmail '{connectorAdminEmail}' must belong to a user of tenant '{Tenant}' whose role is admin or owner.");
        }
        state.State.ConnectorEnabled = true;
        state.State.ConnectorAdminEmail = connectorAdminEmail.Trim();
        state.State.ConnectorEnabledAt ??= clock.GetUtcNow();
        await state.WriteStateAsync();
        return Connector();
    }

    public Task<ConnectorState> GetConnectorAsync()
    {
        RequireTenant();
        return Task.FromResult(Connector());
    }

    public async Task<ConnectorState> SetSettingsAsync(ScimSettings settings)
    {
        RequireTenant();
        if (settings.IdentityProvider is { } provider && !IdentityProviders.IsKnown(provider))
            throw ScimException.InvalidValue($"Unknown identity provider '{provider}'; expected one of {string.Join(", ", IdentityProviders.All)}.");
        (state.State.IdentityProvider, state.State.SendTemporaryPasswordEmail) = (settings.IdentityProvider, settings.SendTemporaryPasswordEmail);
        await state.WriteStateAsync();
        return Connector();
    }

    public async Task<ConnectorState> ActivateAsync(string activatedBy)
    {
        RequireTenant();
        if (!state.State.ConnectorEnabled) throw ScimException.Conflict($"The operator has not enabled the SCIM connector of tenant '{Tenant}'.");
        if (!state.State.Active) (state.State.Active, state.State.ActivatedAt, state.State.ActivatedBy) = (true, clock.GetUtcNow(), activatedBy);
        await state.WriteStateAsync();
        await GrainFactory.Grain<ITokenSetGrain>(Tenant).SetIntegrationActiveAsync(true);
        return Connector();
    }

    public async Task<ConnectorState> DeactivateAsync()
    {
        RequireTenant();
        state.State.Active = false;
        await state.WriteStateAsync();
        await GrainFactory.Grain<ITokenSetGrain>(Tenant).SetIntegrationActiveAsync(false);
        return Connector();
    }

    /// <summary>Whether a user whose userName or e-mail is the given address is an admin or the owner.</summary>
    private async Task<bool> IsAdministratorAsync(string email)
    {
        var byAddress = new Or(Filters.Eq(UniqueNames.Attribute(ResourceKind.User), LiteralKind.String, email),
            Filters.Eq("emails", LiteralKind.String, email, "value"));
        var users = await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.User, byAddress, null, 1, 100), CancellationToken.None);
        return users.Resources.Any(u => Administrators.Includes(u.Role));
    }

    private ConnectorState Connector() => new(state.State.ConnectorEnabled, state.State.ConnectorAdminEmail, state.State.ConnectorEnabledAt,
        state.State.Active, state.State.ActivatedAt, state.State.ActivatedBy,
        new ScimSettings(state.State.IdentityProvider, state.State.SendTemporaryPasswordEmail));

    private string Tenant => this.GetPrimaryKeyString();

    private void RequireTenant()
    {
        if (!state.State.Exists) throw ScimException.NotFound($"Tenant '{Tenant}' not found.");
    }

    private TenantInfo Info() => new(this.GetPrimaryKeyString(), state.State.DisplayName, state.State.Created, state.State.PlatformGroupId);
}

using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Interfaces.Tenants;

/// <summary>A tenant (customer platform), keyed by its id.</summary>
[Alias("scim.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; 409 when it already exists.</summary>
    Task<TenantInfo> CreateAsync(string displayName);

    /// <summary>The tenant, or null when it does not exist.</summary>
    Task<TenantInfo?> GetAsync();

    /// <summary>Replaces the tenant's custom user fields (validated; 400 invalidValue otherwise); 404 for an unknown tenant.</summary>
    Task<IReadOnlyList<CustomField>> SetCustomFieldsAsync(IReadOnlyList<CustomField> fields);

    /// <summary>The tenant's custom user fields (none for an unknown tenant). Read on every SCIM call, so never queued behind a write.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<CustomField>> GetCustomFieldsAsync();

    /// <summary>
    /// Enables the SCIM connector (operator): <paramref name="platformGroupId"/> must be the tenant's platform group and
    /// <paramref name="connectorAdminEmail"/> the e-mail (or userName) of one of its admins or its owner, else 400.
    /// </summary>
    Task<ConnectorState> EnableConnectorAsync(string platformGroupId, string connectorAdminEmail);

    /// <summary>The integration's state; 404 for an unknown tenant.</summary>
    Task<ConnectorState> GetConnectorAsync();

    /// <summary>Stores the platform admin's choices; 400 for an unknown identity provider.</summary>
    Task<ConnectorState> SetSettingsAsync(ScimSettings settings);

    /// <summary>Activates the integration (SCIM calls then succeed); 409 while the operator has not enabled the connector.</summary>
    Task<ConnectorState> ActivateAsync(string activatedBy);

    /// <summary>Deactivates the integration: SCIM calls get 403 from now on.</summary>
    Task<ConnectorState> DeactivateAsync();
}

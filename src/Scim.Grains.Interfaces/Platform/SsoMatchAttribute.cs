namespace Scim.Grains.Interfaces.Platform;

/// <summary>The attribute of a tenant's users that single sign-on matches the identity provider's claim against.</summary>
public enum SsoMatchAttribute
{
    /// <summary>The user's primary e-mail address (or its only one), in any case.</summary>
    Email,

    /// <summary>The userName, in any case.</summary>
    UserName,

    /// <summary>The externalId the identity provider set over SCIM, exactly.</summary>
    ExternalId,
}

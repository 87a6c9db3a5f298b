using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.SingleSignOn;

/// <summary>Stores a tenant's single sign-on settings as an admin sent them, from the API or the page alike.</summary>
public static class SsoSettings
{
    public const int MaxSecretLength = 1024;

    /// <summary>The settings as sent: a null or empty secret keeps the stored one; no claim means <c>email</c>.</summary>
    public sealed record Request(string? Issuer, string? ClientId, string? ClientSecret, string? Claim, string? MatchAttribute,
        IReadOnlyList<string>? AllowedEmailDomains, bool? SsoOnly, string? DisplayName);

    /// <summary>Stores the settings, the client secret protected first; 400 invalidValue for what the rules refuse.</summary>
    public static Task<SsoState> SaveAsync(IGrainFactory grains, SsoClientSecrets secrets, string tenant, Request request, string updatedBy)
    {
        var claim = string.IsNullOrWhiteSpace(request.Claim) ? "email" : request.Claim.Trim();
        var secret = string.IsNullOrEmpty(request.ClientSecret) ? null
            : request.ClientSecret.Length > MaxSecretLength ? throw ScimException.InvalidValue($"clientSecret must be at most {MaxSecretLength} characters.")
            : secrets.Protect(request.ClientSecret);
        var configuration = new SsoConfiguration(request.Issuer ?? "", request.ClientId ?? "", secret, claim, SsoMatching.Parse(request.MatchAttribute, claim),
            request.AllowedEmailDomains ?? [], request.SsoOnly ?? false, request.DisplayName);
        return grains.Grain<ISingleSignOnGrain>(tenant).SaveAsync(configuration, updatedBy);
    }
}

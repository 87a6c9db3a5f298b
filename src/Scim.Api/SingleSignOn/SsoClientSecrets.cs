using Microsoft.AspNetCore.DataProtection;

namespace Scim.Api.SingleSignOn;

/// <summary>Tenants' client secrets, protected with Data Protection before they are stored and opened only to sign someone in.</summary>
public sealed class SsoClientSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Scim.SingleSignOn.ClientSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}

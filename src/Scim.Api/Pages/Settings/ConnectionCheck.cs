using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Settings;

/// <summary>
/// Whether the identity provider has called since its newest token was generated, how the last call went, and for the
/// common first failures what to do next. Calls with a wrong token or to a wrong URL never reach this tenant's log, so
/// "no call yet" explains those.
/// </summary>
public sealed record ConnectionCheck(bool Called, bool Ok, string Summary, string? Hint)
{
    public static ConnectionCheck? Of(IReadOnlyList<TokenInfo> tokens, IReadOnlyList<ProvisioningLogEntry> calls)
    {
        var token = tokens.Where(t => t.State is "active" or "retiring").MaxBy(t => t.Created);
        if (token is null) return null;
        var provider = IdentityProviderNames.Of(token.IdentityProvider);
        var last = calls.Where(c => c.TokenId is not null && c.Time >= token.Created).MaxBy(c => c.Sequence);
        if (last is null)
        {
            return new ConnectionCheck(false, false,
                $"No call from {provider} since its token was generated ({PageText.Time(token.Created)}).",
                $"If {provider}'s connection test failed: 401 means it does not have this token (copy the newest one again; a newer "
                + "token replaces the previous one); 404 or “not found” means the endpoint URL is not this platform's (copy it from "
                + "below, the part after /scim/v2/ names your platform); a failure to connect means the address's host is wrong.");
        }
        var summary = $"Last call {PageText.Time(last.Time)} from {IdentityProviderNames.Of(last.IdentityProvider)}: {last.Method} {last.Path} answered {last.Status}.";
        return new ConnectionCheck(true, last.Status < 400, summary, WhatToDo(last, provider));
    }

    private static string? WhatToDo(ProvisioningLogEntry call, string provider) => call.Status switch
    {
        < 400 => null,
        403 => "The integration is not active, so the call was refused: activate it below.",
        409 => $"A user or group with that name already exists on the platform. Match it in {provider} to the existing one "
            + "(its userName or displayName), or remove the existing one here, then retry.",
        404 => $"{provider} asked for a user or group the platform does not have (deleted here, or created before the "
            + $"integration). Let {provider} create it again, or restart its provisioning.",
        400 => $"{provider} sent a value the platform refuses"
            + (call.Attributes.Count > 0 ? $" (it set {string.Join(", ", call.Attributes)})" : "")
            + (call.Note is { } note ? $": {note}" : "") + ". Check the attribute mapping in " + provider + ".",
        429 => $"{provider} called faster than the platform's limit; it retries by itself.",
        _ => "The platform could not answer; the identity provider retries by itself. If it goes on, contact your account team.",
    };
}

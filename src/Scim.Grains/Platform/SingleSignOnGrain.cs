using Microsoft.Extensions.Options;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Storage;

namespace Scim.Grains.Platform;

/// <summary>A tenant's OpenID Connect sign-in settings (<see cref="ISingleSignOnGrain"/>), checked by <see cref="SsoRules"/>.</summary>
internal sealed class SingleSignOnGrain(
    [PersistentState("scim.sso", ScimStorage.Name)] IPersistentState<SingleSignOnState> state,
    IOptions<SingleSignOnOptions> options,
    TimeProvider clock) : Grain, ISingleSignOnGrain
{
    public Task<SsoState?> GetAsync() => Task.FromResult(state.State.Settings);

    public async Task<SsoState> SaveAsync(SsoConfiguration configuration, string updatedBy)
    {
        var before = state.State.Settings;
        var secret = configuration.ProtectedClientSecret ?? before?.Configuration.ProtectedClientSecret
            ?? throw ScimException.InvalidValue("clientSecret is required: the client secret the identity provider issued for this application.");
        var after = SsoRules.Checked(configuration with { ProtectedClientSecret = secret }, options.Value.AllowLoopbackIssuers);
        var retest = before is null || SsoRules.NeedsNewTest(before.Configuration, after);
        var verified = !retest && before!.Verified;
        // "SSO only" is turned on only with proven settings; once on, a change that needs a new test suspends it (the
        // sign-in grain enforces it only while verified) instead of refusing, say, the rotation of a secret.
        if (after.SsoOnly && !verified && before?.Configuration.SsoOnly != true)
        {
            throw ScimException.InvalidValue(
                "Run a test sign-in with these settings before turning password sign-in off: until one works, people could not sign in at all.");
        }
        var now = clock.GetUtcNow();
        state.State.LastVersion = Math.Max(state.State.LastVersion, before?.Version ?? 0) + 1;
        state.State.Settings = new SsoState(after, state.State.LastVersion, verified, verified ? before!.VerifiedAt : null,
            verified ? before!.VerifiedBy : null, now, updatedBy);
        await state.WriteStateAsync();
        return state.State.Settings;
    }

    public async Task<SsoState?> RecordVerifiedAsync(int version, string verifiedBy)
    {
        if (state.State.Settings is not { } settings || settings.Version != version) return state.State.Settings;
        state.State.Settings = settings with { Verified = true, VerifiedAt = clock.GetUtcNow(), VerifiedBy = verifiedBy };
        await state.WriteStateAsync();
        return state.State.Settings;
    }

    public async Task RemoveAsync()
    {
        state.State.Settings = null;
        await state.WriteStateAsync();
    }
}

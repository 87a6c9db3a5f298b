using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rules;
using Scim.Grains.Storage;

namespace Scim.Grains.Platform;

/// <summary>
/// A platform user's account (<see cref="IAccountGrain"/>). Sign-ins of one user run here one at a time, so the failure
/// count and the lock are exact: <see cref="MaxFailures"/> failures within <see cref="FailureWindow"/> lock the account
/// for <see cref="LockDuration"/>, and a lock refuses even the right password. The user row is read from the store
/// at each call, so a deactivation or deletion over SCIM counts at once.
/// </summary>
internal sealed class AccountGrain(
    [PersistentState("scim.account", ScimStorage.Name)] IPersistentState<AccountState> state,
    IResourceStore store,
    IMembershipStore memberships,
    IOutboxStore outbox,
    TimeProvider clock) : Grain, IAccountGrain
{
    public const int MaxFailures = 5;
    public const int MinPasswordLength = 12;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    public async Task<SignInDecision> SignInAsync(string password)
    {
        var now = clock.GetUtcNow();
        if (state.State.LockedUntil > now)
        {
            PasswordHashes.Verify(null, password); // a lock costs what a check costs: timing tells nothing
            return new SignInDecision(SignInOutcome.LockedOut, null, false);
        }
        var user = await ReadUserAsync();
        var check = PasswordHashes.Verify(user is null ? null : PasswordHashes.Of(user.Document), password);
        if (user is null) return new SignInDecision(SignInOutcome.UnknownUser, null, false);
        var temporary = check == PasswordCheck.Failed && IsTemporary(password, now);
        if (check == PasswordCheck.Failed && !temporary)
        {
            await RecordFailureAsync(now);
            return new SignInDecision(SignInOutcome.WrongPassword, null, false);
        }
        if (ResourceDocument.IsDeactivated(user.Document)) return new SignInDecision(SignInOutcome.Inactive, null, false);
        if (state.State.Failures.Count > 0 || (temporary && !state.State.MustChangePassword))
        {
            state.State.Failures.Clear();
            state.State.MustChangePassword |= temporary;
            await state.WriteStateAsync();
        }
        if (check == PasswordCheck.RehashNeeded) await User().SetPasswordAsync(password);
        return new SignInDecision(SignInOutcome.SignedIn, user.Id, state.State.MustChangePassword);
    }

    public async Task<bool> IsActiveAsync() => await ReadUserAsync() is { } user && !ResourceDocument.IsDeactivated(user.Document);

    public async Task<AccountProfile?> GetProfileAsync()
    {
        if (await ReadUserAsync() is not { } user || ResourceDocument.IsDeactivated(user.Document)) return null;
        var (tenant, id) = ResourceKeys.Split(this.GetPrimaryKeyString());
        var groups = (await memberships.GetGroupsOfUsersAsync(tenant, [id], CancellationToken.None)).GetValueOrDefault(id) ?? [];
        return new AccountProfile(id, ResourceDocument.GetString(user.Document, UniqueNames.Attribute(ResourceKind.User)) ?? id,
            ResourceDocument.GetString(user.Document, "displayName"), ResourceDocument.PrimaryEmail(user.Document), user.Role,
            groups.Select(g => new ProfileGroup(g.GroupId, g.DisplayName, g.Direct)).ToList(), state.State.MustChangePassword);
    }

    public async Task ChangePasswordAsync(string currentPassword, string newPassword)
    {
        if (await ReadUserAsync() is not { } user || ResourceDocument.IsDeactivated(user.Document)) throw ScimException.NotFound("The account no longer exists or is deactivated.");
        var userName = ResourceDocument.GetString(user.Document, UniqueNames.Attribute(ResourceKind.User)) ?? "";
        if (newPassword.Length < MinPasswordLength)
            throw ScimException.InvalidValue($"Choose a password of at least {MinPasswordLength} characters.");
        if (newPassword.Equals(userName, StringComparison.OrdinalIgnoreCase))
            throw ScimException.InvalidValue("Choose a password other than your username.");
        var now = clock.GetUtcNow();
        if (newPassword == currentPassword || IsTemporary(newPassword, now))
            throw ScimException.InvalidValue("Choose a password other than the one you signed in with.");
        if (PasswordHashes.Verify(PasswordHashes.Of(user.Document), currentPassword) == PasswordCheck.Failed && !IsTemporary(currentPassword, now))
        {
            await RecordFailureAsync(now);
            throw ScimException.InvalidValue("The current password is not right.");
        }
        await User().SetPasswordAsync(newPassword);
        (state.State.MustChangePassword, state.State.Failures, state.State.TemporaryPasswordHash, state.State.TemporaryPasswordExpires) = (false, [], null, null);
        await state.WriteStateAsync();
    }

    public async Task SetTemporaryPasswordAsync(byte[] hash, DateTimeOffset expires)
    {
        (state.State.TemporaryPasswordHash, state.State.TemporaryPasswordExpires) = (hash, expires);
        await state.WriteStateAsync();
    }

    public async Task<MailState?> GetMailAsync()
    {
        var (tenant, id) = ResourceKeys.Split(this.GetPrimaryKeyString());
        return (await outbox.LatestAsync(tenant, [id], CancellationToken.None)).GetValueOrDefault(id);
    }

    public async Task<MailState> SendTemporaryPasswordAsync()
    {
        var user = await ReadUserAsync() ?? throw ScimException.NotFound("No such user.");
        if (ResourceDocument.PrimaryEmail(user.Document) is null)
            throw ScimException.InvalidValue("The user has no e-mail address to send a temporary password to; add one first.");
        var message = OutboxMessage.New(user.Tenant, user.Id, MailKind.TemporaryPassword, clock.GetUtcNow());
        await outbox.EnqueueAsync(message, CancellationToken.None);
        return new MailState(message.Kind, MailStatus.Queued, 0, message.Created, null, null, null);
    }

    /// <summary>Whether the password is the account's temporary one, still valid.</summary>
    private bool IsTemporary(string password, DateTimeOffset now) =>
        state.State.TemporaryPasswordHash is { } hash && state.State.TemporaryPasswordExpires > now
        && TemporaryPasswords.Matches(hash, password);

    private async Task RecordFailureAsync(DateTimeOffset now)
    {
        state.State.Failures.RemoveAll(f => f <= now - FailureWindow);
        state.State.Failures.Add(now);
        if (state.State.Failures.Count >= MaxFailures) (state.State.LockedUntil, state.State.Failures) = (now + LockDuration, []);
        await state.WriteStateAsync();
    }

    private Task<StoredResource?> ReadUserAsync()
    {
        var (tenant, id) = ResourceKeys.Split(this.GetPrimaryKeyString());
        return store.GetAsync(tenant, ResourceKind.User, id, CancellationToken.None);
    }

    private IUserGrain User() => GrainFactory.Grain<IUserGrain>(this.GetPrimaryKeyString());
}

namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// A platform user's account, keyed like the user (<c>{tenant}/{userId}</c>): password sign-in with its lockout, the
/// profile a signed-in session shows, and password changes. The user resource stays the one SCIM writes.
/// </summary>
[Alias("scim.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    Task<SignInDecision> SignInAsync(string password);

    /// <summary>The signed-in user's profile, or null once the user is deleted or deactivated (the session ends).</summary>
    Task<AccountProfile?> GetProfileAsync();

    /// <summary>Whether an open session may go on: the user still exists and is active (one row read, at every request).</summary>
    Task<bool> IsActiveAsync();

    /// <summary>Sets a new password after checking the current one; a new password that breaks the policy is a 400 invalidValue.</summary>
    Task ChangePasswordAsync(string currentPassword, string newPassword);

    /// <summary>
    /// Gives the account a temporary password (its SHA-256; the password itself goes only into the e-mail), valid until
    /// <paramref name="expires"/>: it signs in once and must be replaced. A later one replaces an earlier one.
    /// </summary>
    Task SetTemporaryPasswordAsync(byte[] hash, DateTimeOffset expires);

    /// <summary>Where the newest e-mail to the user stands; null when none was ever owed.</summary>
    Task<MailState?> GetMailAsync();

    /// <summary>Owes the user a fresh temporary password by e-mail (an admin's resend); 404 for no such user, 400 without an e-mail address.</summary>
    Task<MailState> SendTemporaryPasswordAsync();
}

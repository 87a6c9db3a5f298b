namespace Scim.Grains.Platform;

/// <summary>
/// The persistent state of an account grain: recent failed sign-ins and a lock, kept in grain storage so they hold
/// across silos and restarts. The password itself stays with the user resource, as its hash.
/// </summary>
[GenerateSerializer, Alias("scim.AccountState")]
public sealed class AccountState
{
    /// <summary>When the failed sign-ins of the current window happened (at most <see cref="AccountGrain.MaxFailures"/>).</summary>
    [Id(0)] public List<DateTimeOffset> Failures { get; set; } = [];

    [Id(1)] public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The user signed in with a temporary password and must choose their own before anything else.</summary>
    [Id(2)] public bool MustChangePassword { get; set; }

    /// <summary>The SHA-256 of the temporary password last sent (<see cref="Documents.TemporaryPasswords"/>), never the password itself.</summary>
    [Id(3)] public byte[]? TemporaryPasswordHash { get; set; }

    [Id(4)] public DateTimeOffset? TemporaryPasswordExpires { get; set; }
}

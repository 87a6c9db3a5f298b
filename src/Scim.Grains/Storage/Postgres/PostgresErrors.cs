using Npgsql;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Rules;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// Turns database failures into the serializable domain errors that may cross a grain boundary (a PostgresException
/// cannot): a unique violation is a 409 uniqueness, an unreachable or overloaded database a 503.
/// </summary>
internal static class PostgresErrors
{
    private const string UniqueViolation = "23505";
    private const string GroupAsMember = "SC001"; // raised by scim_refuse_group_as_member, with the group's id as the message

    /// <summary>Raised by <c>scim_expect_one_written</c>: a versioned write found its row changed or deleted.</summary>
    public const string VersionMismatch = "SC002";

    /// <summary>Runs a store call; <paramref name="written"/> is the resource a write inserts or updates, for its 409.</summary>
    public static async Task<T> Translate<T>(Func<Task<T>> action, StoredResource? written = null)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Translated(e, written) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The domain error a database failure stands for; null for an exception that is not one.</summary>
    public static Exception? Translated(Exception e, StoredResource? written = null) => e switch
    {
        PostgresException { SqlState: UniqueViolation } unique when written is not null =>
            unique.ConstraintName == "scim_resources_pkey" ? StoreErrors.IdTaken(written.Kind, written.Id) : UniqueNames.Taken(written),
        PostgresException { SqlState: GroupAsMember } refused => GroupMembersAreUsers.Refused(refused.MessageText),
        // A statement the server rejected is a defect here, not the client's; keep its text, not its type.
        PostgresException { IsTransient: false } rejected => new InvalidOperationException($"Database error {rejected.SqlState}: {rejected.MessageText}"),
        NpgsqlException or TimeoutException or System.Net.Sockets.SocketException =>
            ScimException.Unavailable("The directory database is unavailable; retry later."),
        _ => null,
    };

    /// <summary>The same for a call without a result, such as Orleans' own state storage.</summary>
    public static Task Translate(Func<Task> action) => Translate(async () =>
    {
        await action();
        return true;
    });
}

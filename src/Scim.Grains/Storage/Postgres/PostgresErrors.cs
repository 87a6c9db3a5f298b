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
    private const string GroupAsMember = "SC001"; // raised by scim_lock_members, with the group's id as the message

    /// <summary>Raised by <c>scim_expect_one_written</c>: a versioned write found its row changed or deleted.</summary>
    public const string VersionMismatch = "SC002";

    /// <summary>Runs a store call; <paramref name="written"/> is the resource a write inserts or updates, for its 409.</summary>
    public static async Task<T> Translate<T>(Func<Task<T>> action, StoredResource? written = null)
    {
        try
        {
            return await action();
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && written is not null)
        {
            throw e.ConstraintName == "scim_resources_pkey" ? StoreErrors.IdTaken(written.Kind, written.Id) : UniqueNames.Taken(written);
        }
        catch (PostgresException e) when (e.SqlState == GroupAsMember)
        {
            throw GroupMembersAreUsers.Refused(e.MessageText);
        }
        catch (PostgresException e) when (!e.IsTransient)
        {
            // A statement the server rejected is a defect here, not the client's; keep its text, not its type.
            throw new InvalidOperationException($"Database error {e.SqlState}: {e.MessageText}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw ScimException.Unavailable("The directory database is unavailable; retry later.");
        }
    }

    /// <summary>The same for a call without a result, such as Orleans' own state storage.</summary>
    public static Task Translate(Func<Task> action) => Translate(async () =>
    {
        await action();
        return true;
    });
}

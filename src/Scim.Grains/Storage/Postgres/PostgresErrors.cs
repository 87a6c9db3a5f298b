using Npgsql;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Resources;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// Turns database failures into the serializable domain errors that may cross a grain boundary (a PostgresException
/// cannot): a unique violation is a 409 uniqueness, an unreachable or overloaded database a 503.
/// </summary>
internal static class PostgresErrors
{
    private const string UniqueViolation = "23505";

    public static async Task<T> Translate<T>(Func<Task<T>> action, ResourceKind kind, StoredResource? written)
    {
        try
        {
            return await action();
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            throw e.ConstraintName == "scim_resources_pkey" || written is null
                ? ScimException.Uniqueness($"A {kind} with this id already exists.")
                : ScimException.Uniqueness($"{UniqueKeys.Attribute(kind)} '{ResourceDocument.GetString(written.Document, UniqueKeys.Attribute(kind))}' is already in use.");
        }
        catch (PostgresException e) when (!e.IsTransient)
        {
            // A statement the server rejected is a defect here, not the client's; keep its text, not its type.
            throw new InvalidOperationException($"Database error {e.SqlState}: {e.MessageText}");
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable();
        }
    }

    /// <summary>Runs a storage call of Orleans' own, turning an unreachable database into a 503.</summary>
    public static async Task TranslateUnavailable(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable();
        }
    }

    private static bool IsUnavailable(Exception e) =>
        e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException;

    private static ScimException Unavailable() => ScimException.Unavailable("The directory database is unavailable; retry later.");
}

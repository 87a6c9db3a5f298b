using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace Scim.Grains.Interfaces.Errors;

/// <summary>
/// Failures that a retry can cure: the database or a silo is briefly away (a 503 from storage, a message rejected
/// because its silo died, a response that timed out, a gateway that is busy or gone, a state write that lost to a
/// duplicate activation during a failover). Clients get 503 with Retry-After for these, never 500; background work
/// keeps its data and tries again.
/// </summary>
public static class TransientFailures
{
    /// <summary>What a client is told to wait before retrying, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsTransient(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is ScimException scim) return scim.Status == 503;
            if (e is TimeoutException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException
                or ClientNotAvailableException or InconsistentStateException or OrleansLifecycleCanceledException)
                return true;
        }
        return false;
    }
}

using System.Diagnostics;

namespace Scim.Grains.Interfaces.Telemetry;

/// <summary>
/// The trace a grain call belongs to, carried in Orleans' <see cref="RequestContext"/> (which every grain call takes
/// along, also from the API process into a silo), and only for a trace that is kept: the calls of any other request
/// carry nothing, and the silo opens no span for them. Orleans' own activity propagation carries every request's
/// context through grain call filters, and any outgoing filter puts every call of the process on Orleans' slower,
/// filtered path.
/// </summary>
public static class CallerTrace
{
    /// <summary>The <see cref="RequestContext"/> entry: the caller's span as a W3C <c>traceparent</c>.</summary>
    public const string Key = "scim.traceparent";

    /// <summary>From here on, grain calls of this flow run under <paramref name="caller"/>, when its trace is kept.</summary>
    public static void Carry(Activity? caller)
    {
        if (caller is { Recorded: true, Id: { } id }) RequestContext.Set(Key, id);
    }

    /// <summary>The caller's span a grain call runs under, if it was carried.</summary>
    public static bool TryGet(out ActivityContext caller)
    {
        caller = default;
        return RequestContext.Get(Key) is string parent && ActivityContext.TryParse(parent, null, isRemote: true, out caller);
    }
}

using System.Diagnostics;
using Scim.Grains.Interfaces.Telemetry;

namespace Scim.Grains.Telemetry;

/// <summary>
/// A span for each grain call that carries a kept trace (<see cref="CallerTrace"/>), named as Orleans names its own
/// (<c>IUserCreationGrain/CreateAsync</c>), under which the call's SQL and SMTP spans go; the calls it makes carry it in
/// turn. A call that carries none goes straight through, with no activity made for it.
/// </summary>
public sealed class TracedGrainCalls : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) =>
        CallerTrace.TryGet(out var caller) ? TracedAsync(context, caller) : context.Invoke();

    private static async Task TracedAsync(IIncomingGrainCallContext context, ActivityContext caller)
    {
        var service = context.InterfaceName;
        using var activity = ProvisioningMetrics.Activities.StartActivity(
            $"{service[(service.LastIndexOf('.') + 1)..]}/{context.MethodName}", ActivityKind.Server, caller);
        if (activity is not null)
        {
            activity.SetTag("rpc.system", "orleans");
            activity.SetTag("rpc.service", context.InterfaceName);
            activity.SetTag("rpc.method", context.MethodName);
            activity.SetTag("orleans.rpc.target_id", context.TargetId.ToString());
            CallerTrace.Carry(activity);
        }
        try
        {
            await context.Invoke();
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }
}

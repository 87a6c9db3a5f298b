using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Auth;

/// <summary>
/// Makes this process forget a tenant's kept token checks (<see cref="TokenCheckCache"/>) once a grain call of it that
/// changes them has returned or failed: every call to the tenant's token set but a check or a listing, and opening or
/// closing the tenant's integration. Watching the calls rather than their callers covers every page and endpoint that
/// makes them, now and later.
/// </summary>
internal sealed class TokenChangeWatch(TokenCheckCache checks) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context) => ChangesTokenChecks(context) ? InvokeAndForgetAsync(context) : context.Invoke();

    private async Task InvokeAndForgetAsync(IOutgoingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        finally
        {
            checks.Forget(context.TargetId.Key.ToString());
        }
    }

    private static bool ChangesTokenChecks(IOutgoingGrainCallContext context)
    {
        var grain = context.Request.GetInterfaceType();
        var method = context.Request.GetMethodName();
        return grain == typeof(ITokenSetGrain)
            ? method is not (nameof(ITokenSetGrain.AuthenticateAsync) or nameof(ITokenSetGrain.ListAsync))
            : grain == typeof(ITenantGrain) && method is (nameof(ITenantGrain.ActivateAsync) or nameof(ITenantGrain.DeactivateAsync));
    }
}

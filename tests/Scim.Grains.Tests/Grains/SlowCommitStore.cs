using System.Reflection;
using System.Runtime.ExceptionServices;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Grains;

/// <summary>
/// A resource store whose updates take a while, as a durable commit does, and are counted: requests that arrive during
/// one can be seen to queue behind it. Every other call goes straight to the in-memory store, which also serves the
/// memberships and the tree.
/// </summary>
public class SlowCommitStore : DispatchProxy
{
    public static readonly TimeSpan CommitTime = TimeSpan.FromMilliseconds(50);

    private IResourceStore inner = null!;
    private int updates;

    public int Updates => Volatile.Read(ref updates);

    public static (IResourceStore Store, InMemoryResourceStore Inner, SlowCommitStore Counter) Create()
    {
        var store = Create<IResourceStore, SlowCommitStore>();
        var counter = (SlowCommitStore)(object)store;
        var inner = new InMemoryResourceStore();
        counter.inner = inner;
        return (store, inner, counter);
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name != nameof(IResourceStore.UpdateAsync)) return Call(method, args);
        Interlocked.Increment(ref updates);
        return DelayedAsync(() => (Task)Call(method, args)!);
    }

    /// <summary>The inner store's method, throwing what it throws (not reflection's wrapper).</summary>
    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static async Task DelayedAsync(Func<Task> update)
    {
        await Task.Delay(CommitTime);
        await update();
    }
}

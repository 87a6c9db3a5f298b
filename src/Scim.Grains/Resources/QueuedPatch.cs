using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Resources;

/// <summary>A PATCH waiting in a grain for the commit that writes it, and the answer its caller awaits.</summary>
internal sealed class QueuedPatch(PatchRequest patch, string? ifMatch)
{
    private readonly TaskCompletionSource<ResourceVersion> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PatchRequest Patch => patch;
    public string? IfMatch => ifMatch;
    public Task<ResourceVersion> Outcome => outcome.Task;

    public void Succeed(ResourceVersion snapshot) => outcome.TrySetResult(snapshot);

    public void Fail(Exception exception) => outcome.TrySetException(exception);

    /// <summary>Answers with what <paramref name="write"/> returns, or with what it throws.</summary>
    public async Task CompleteWith(Func<Task<ResourceVersion>> write)
    {
        try
        {
            Succeed(await write());
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }
}

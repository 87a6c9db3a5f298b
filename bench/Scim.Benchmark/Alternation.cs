namespace Scim.Benchmark;

/// <summary>
/// Two services measured in turns, for a comparison finer than this shared machine's drift: each measurement of one
/// side waits for the same measurement of the other, then the two run in slices taken in turns (one side then the
/// other, then the other way round), so that whatever the machine does meanwhile falls on both sides alike. Measured
/// one after the other, identical services differed by more than 10% here. Each side's figure is the sum of its slices,
/// and each slice's rate is kept (<see cref="LatencyRecorder.SliceRates"/>) for the report to compare slice by slice.
/// </summary>
public sealed class Alternation(TimeSpan duration, TimeSpan slice)
{
    private readonly Lock gate = new();
    private Side? waiting;
    private bool left;

    /// <summary>A side waiting for the other at a measurement: how to measure it, and where its figure goes.</summary>
    private readonly record struct Side(Func<TimeSpan, Task<LatencyRecorder>> Run, TaskCompletionSource<LatencyRecorder> Result);

    /// <summary>
    /// One measurement of a side: <paramref name="run"/> measures it for the time it is given. Returns when the other side
    /// has reached its same measurement and both have run all their slices.
    /// </summary>
    public async Task<LatencyRecorder> MeasureAsync(Func<TimeSpan, Task<LatencyRecorder>> run)
    {
        var (other, waitForOther) = Arrive(run);
        if (waitForOther is not null) return await waitForOther;
        var (otherRun, otherResult) = other!.Value;
        try
        {
            var (theirs, mine) = (new List<LatencyRecorder>(), new List<LatencyRecorder>());
            var turns = Math.Max(1, (int)Math.Round(duration / slice));
            for (var turn = 0; turn < turns; turn++)
            {
                if (turn % 2 == 0)
                {
                    theirs.Add(await otherRun(slice));
                    mine.Add(await run(slice));
                }
                else
                {
                    mine.Add(await run(slice));
                    theirs.Add(await otherRun(slice));
                }
            }
            otherResult.SetResult(LatencyRecorder.Combine(theirs));
            return LatencyRecorder.Combine(mine);
        }
        catch (Exception e)
        {
            otherResult.TrySetException(e);
            throw;
        }
    }

    /// <summary>The first side to arrive at a measurement waits for its figure; the second gets the first's to run in turns with its own.</summary>
    private (Side? Other, Task<LatencyRecorder>? Wait) Arrive(Func<TimeSpan, Task<LatencyRecorder>> run)
    {
        lock (gate)
        {
            if (left) throw new InvalidOperationException("The other side of the comparison has stopped.");
            if (waiting is { } other)
            {
                waiting = null;
                return (other, null);
            }
            var first = new Side(run, new TaskCompletionSource<LatencyRecorder>(TaskCreationOptions.RunContinuationsAsynchronously));
            waiting = first;
            return (null, first.Result.Task);
        }
    }

    /// <summary>A side has ended (done or failed): the other, waiting or arriving later, is not left waiting for it.</summary>
    public void Leave()
    {
        lock (gate)
        {
            left = true;
            waiting?.Result.TrySetException(new InvalidOperationException("The other side of the comparison has stopped."));
            waiting = null;
        }
    }
}

namespace Workbench.Engine.Running;

/// <summary>Ends a run whose thread does not come back: past its time limit plus a grace, or a grace after a
/// cancellation. The run thread is then abandoned (it may be stuck in a plugin forever) and the run is finished
/// without it.</summary>
public static class RunWatchdog
{
    /// <summary>How long a cancelled run may take to reach the end of its current step (the loop checks for
    /// cancellation before every plugin call and between slices of a large batch).</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(2);

    /// <summary>How far past its time limit a run may go before it is declared stuck: 10% of the limit, at least
    /// 1 s and at most 10 s. The loop itself stops at the limit and cuts a long batch, so only a plugin call that
    /// does not return goes this far.</summary>
    public static TimeSpan GraceAfter(TimeSpan limit) =>
        TimeSpan.FromSeconds(Math.Clamp(limit.TotalSeconds * 0.1, 1, 10));

    /// <summary>Waits for <paramref name="loop"/>; returns null when it ended, else what it is stuck in.</summary>
    internal static async Task<string?> WatchAsync(Task loop, TimeSpan? timeLimit, PluginCalls calls, CancellationToken cancellation)
    {
        // Real time: the loop's clock may be a test's, but a hang is measured on the wall clock.
        var started = TimeProvider.System.GetTimestamp();
        var ended = loop.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var deadline = timeLimit is TimeSpan limit ? limit + GraceAfter(limit) : Timeout.InfiniteTimeSpan;
        try
        {
            await ended.WaitAsync(deadline, cancellation).ConfigureAwait(false);
            return null;
        }
        catch (TimeoutException)
        {
            return $"{calls.Describe()}; the run was stopped {Seconds(TimeProvider.System.GetElapsedTime(started))} s after it started " +
                   $"(time limit {Seconds(timeLimit!.Value)} s) and the stuck thread abandoned";
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            try
            {
                await ended.WaitAsync(CancelGrace).ConfigureAwait(false);
                return null;
            }
            catch (TimeoutException)
            {
                return $"{calls.Describe()}; the run was cancelled, did not stop within {Seconds(CancelGrace)} s, and the stuck thread was abandoned";
            }
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

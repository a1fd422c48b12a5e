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

    /// <summary>How often, once past the time limit, the watchdog looks whether the run thread is in an Ask it can
    /// cut: the thread may enter one just after the limit, between its own check of the clock and the call.</summary>
    private static readonly TimeSpan CutPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits for <paramref name="loop"/>: <see cref="WatchOutcome.Ended"/> when it ended by itself,
    /// <see cref="WatchOutcome.Cut"/> when it was past its time limit inside the optimiser's Ask and was cut there
    /// (<see cref="PluginCalls.TryCutAsk"/>), or a <see cref="WatchOutcome.Stuck"/> message naming what it is stuck in.</summary>
    internal static async Task<WatchOutcome> WatchAsync(Task loop, TimeSpan? timeLimit, PluginCalls calls, CancellationToken cancellation)
    {
        // Real time: the loop's clock may be a test's, but a hang is measured on the wall clock.
        var started = TimeProvider.System.GetTimestamp();
        var ended = loop.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            if (timeLimit is not TimeSpan limit)
            {
                await ended.WaitAsync(cancellation).ConfigureAwait(false);
                return WatchOutcome.Ended;
            }

            // Up to the limit the loop keeps time itself; past it, an Ask still running is cut at once (a batch of
            // 10⁷ offspring can take longer than the whole limit), and anything else gets the grace to come back.
            var deadline = limit + GraceAfter(limit);
            var wait = limit;
            while (true)
            {
                if (await Ends(ended, wait, cancellation).ConfigureAwait(false))
                {
                    return WatchOutcome.Ended;
                }

                if (calls.TryCutAsk())
                {
                    return WatchOutcome.Cut;
                }

                var left = deadline - TimeProvider.System.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    return WatchOutcome.Stuck(
                        $"{calls.Describe()}; the run was stopped {Seconds(TimeProvider.System.GetElapsedTime(started))} s after it started " +
                        $"(time limit {Seconds(limit)} s) and the stuck thread abandoned");
                }

                wait = left < CutPoll ? left : CutPoll;
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            if (await Ends(ended, CancelGrace, CancellationToken.None).ConfigureAwait(false))
            {
                return WatchOutcome.Ended;
            }

            return WatchOutcome.Stuck($"{calls.Describe()}; the run was cancelled, did not stop within {Seconds(CancelGrace)} s, and the stuck thread was abandoned");
        }
    }

    private static async Task<bool> Ends(Task ended, TimeSpan wait, CancellationToken cancellation)
    {
        try
        {
            await ended.WaitAsync(wait, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How a watched run loop ended: by itself, cut at its time limit inside Ask, or stuck (with why).</summary>
internal sealed record WatchOutcome(bool WasCut, string? StuckIn)
{
    public static readonly WatchOutcome Ended = new(false, null);

    public static readonly WatchOutcome Cut = new(true, null);

    public static WatchOutcome Stuck(string message) => new(false, message);
}

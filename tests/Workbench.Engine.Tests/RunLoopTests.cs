using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Engine.Tests;

public sealed class RunLoopTests
{
    [Fact]
    public async Task Max_evaluations_is_never_exceeded_even_when_the_last_batch_is_cut()
    {
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria { MaxEvaluations = 100 }));
        Assert.Equal(new StopReason(StopKind.MaxEvaluations), summary.StopReason);
        Assert.Equal(100, summary.Evaluations);
        Assert.Equal(13, summary.Iterations); // 12 batches of 8, then 4 of the 13th
        Assert.Equal(100, observer.History[^1].Evaluations);
        Assert.Equal(RunStatus.Completed, summary.Status);
    }

    [Fact]
    public async Task Max_iterations()
    {
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria { MaxIterations = 7 }));
        Assert.Equal(new StopReason(StopKind.MaxIterations), summary.StopReason);
        Assert.Equal(7, summary.Iterations);
        Assert.Equal(56, summary.Evaluations);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), observer.History.Select(h => h.Iteration));
    }

    [Fact]
    public async Task Target_stops_at_the_end_of_the_iteration_that_reaches_it()
    {
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria { Target = 1e-2, MaxIterations = 10_000 }));
        Assert.Equal(new StopReason(StopKind.TargetReached), summary.StopReason);
        Assert.True(summary.BestFitness <= 1e-2);
        Assert.All(observer.History[..^1], h => Assert.True(h.BestSoFar > 1e-2));
        Assert.Equal(summary.Iterations * 8, summary.Evaluations);
    }

    [Fact]
    public async Task Time_limit_uses_the_injected_clock()
    {
        var time = new SteppingTime(TimeSpan.FromSeconds(1));
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria { TimeLimit = TimeSpan.FromSeconds(10) }), time);
        Assert.Equal(new StopReason(StopKind.TimeLimit), summary.StopReason);
        Assert.True(observer.History[^1].ElapsedSeconds >= 10);
        Assert.True(observer.History[^2].ElapsedSeconds < 10);
    }

    [Fact]
    public async Task An_ask_that_would_overrun_the_time_limit_is_cut_at_the_limit()
    {
        // The fourth Ask takes 20 s, as a GA's offspring of 10⁷ individuals can: the run stops at its 2 s limit,
        // as a time-limit stop with the three complete iterations, not as a stuck plugin after the grace. The loop's
        // clock barely moves, so only the watchdog (on the wall clock) can end the run, however loaded the machine.
        var options = new Dictionary<string, string> { ["slow-ask-from"] = "4", ["slow-ask-seconds"] = "20" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var request = RunHarness.Request(new StopCriteria { TimeLimit = TimeSpan.FromSeconds(2) }, algorithmOptions: options);
        var (summary, observer) = await RunHarness.RunAsync(request, new SteppingTime(TimeSpan.FromTicks(1)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(new StopReason(StopKind.TimeLimit), summary.StopReason);
        Assert.Equal(RunStatus.Completed, summary.Status);
        Assert.Null(summary.Error);
        Assert.Equal(3, summary.Iterations);
        Assert.Equal(3, observer.History.Count);
        Assert.Equal(summary.Evaluations, observer.History[^1].Evaluations);
        Assert.Equal(summary, observer.Finished);
    }

    [Fact]
    public async Task Stagnation_stops_when_best_so_far_has_not_improved_for_the_window()
    {
        // Bounds so tight around the optimum that the ES soon cannot improve the best in double precision.
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria { StagnationIterations = 25, MaxIterations = 100_000 }));
        Assert.Equal(new StopReason(StopKind.Stagnation), summary.StopReason);
        var history = observer.History;
        Assert.Equal(history[^26].BestSoFar, history[^1].BestSoFar);
        Assert.True(history[^27].BestSoFar > history[^26].BestSoFar);
    }

    [Fact]
    public async Task The_optimisers_own_stop_reason_ends_the_run()
    {
        var options = new Dictionary<string, string> { ["stop-after"] = "tolfun", ["stop-iteration"] = "5" };
        var (summary, _) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria(), algorithmOptions: options));
        Assert.Equal(new StopReason(StopKind.Converged, "tolfun"), summary.StopReason);
        Assert.Equal("converged:tolfun", summary.StopReason.ToString());
        Assert.Equal(5, summary.Iterations);
    }

    [Fact]
    public async Task Cancellation_ends_the_run_as_interrupted_with_what_it_had()
    {
        using var cts = new CancellationTokenSource();
        var stopper = new CancelAfter(3, cts);
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria()), cancellationToken: cts.Token, extra: stopper);
        Assert.Equal(new StopReason(StopKind.Cancelled), summary.StopReason);
        Assert.Equal(RunStatus.Interrupted, summary.Status);
        Assert.Equal(3, summary.Iterations);
        Assert.Equal(summary, observer.Finished);
    }

    [Fact]
    public async Task Same_seed_gives_the_same_history_with_one_or_several_workers()
    {
        var stop = new StopCriteria { MaxIterations = 200 };
        var (_, one) = await RunHarness.RunAsync(RunHarness.Request(stop, workers: 1, seed: 11));
        var (_, two) = await RunHarness.RunAsync(RunHarness.Request(stop, workers: 2, seed: 11));
        var (_, other) = await RunHarness.RunAsync(RunHarness.Request(stop, workers: 1, seed: 12));
        Assert.Equal(one.History.Select(h => (h.BestSoFar, h.Mean, h.Extras[0])), two.History.Select(h => (h.BestSoFar, h.Mean, h.Extras[0])));
        Assert.NotEqual(one.History.Select(h => h.Mean), other.History.Select(h => h.Mean));
    }

    [Fact]
    public async Task History_rows_hold_statistics_of_their_batch()
    {
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria { MaxIterations = 50 }));
        Assert.All(observer.History, h => Assert.True(h.IterationBest <= h.Mean));
        Assert.All(observer.History.Zip(observer.History.Skip(1)), p => Assert.True(p.Second.BestSoFar <= p.First.BestSoFar));
        Assert.Equal(summary.BestFitness, observer.History.Min(h => h.IterationBest));
        Assert.Equal(["sigma"], observer.Started!.ExtraNames);
        Assert.Equal(3, summary.BestPoint.Length);
    }

    [Fact]
    public async Task A_throwing_optimiser_fails_the_run_with_an_attributed_error()
    {
        var options = new Dictionary<string, string> { ["throw-on-tell"] = "true" };
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria { MaxIterations = 5 }, algorithmOptions: options));
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("algorithm 'tiny-es' (plugin tiny-es) threw InvalidOperationException in Tell: covariance exploded", summary.Error);
        Assert.Empty(observer.History);
        Assert.Equal(8, summary.Evaluations);
    }

    [Fact]
    public async Task A_nan_from_the_problem_fails_the_run_naming_problem_and_point()
    {
        var request = RunHarness.Request(new StopCriteria { MaxIterations = 5 }) with
        {
            ProblemId = "faulty",
            ProblemOptions = new Dictionary<string, string> { ["nan"] = "true" },
        };
        var (summary, _) = await RunHarness.RunAsync(request);
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.StartsWith("problem 'faulty' (plugin faulty) returned NaN at point [", summary.Error);
    }

    [Fact]
    public async Task An_observer_that_cannot_record_fails_the_run_and_keeps_the_history_seen_so_far()
    {
        var failing = new FailingObserver(failAt: 4);
        var (summary, observer) = await RunHarness.RunAsync(RunHarness.Request(new StopCriteria { MaxIterations = 50 }), extra: failing);
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Contains("No space left on device", summary.Error);
        Assert.Equal(4, observer.History.Count);
        Assert.NotNull(failing.Finished);
    }

    private sealed class CancelAfter(int iterations, CancellationTokenSource cts) : IRunObserver
    {
        public void OnRunStarted(RunDescription run)
        {
        }

        public void OnIteration(IterationRecord record)
        {
            if (record.Iteration == iterations)
            {
                cts.Cancel();
            }
        }

        public void OnRunFinished(RunSummary summary)
        {
        }
    }

    private sealed class FailingObserver(int failAt) : IRunObserver
    {
        public RunSummary? Finished { get; private set; }

        public void OnRunStarted(RunDescription run)
        {
        }

        public void OnIteration(IterationRecord record)
        {
            if (record.Iteration == failAt)
            {
                throw new IOException("No space left on device");
            }
        }

        public void OnRunFinished(RunSummary summary) => Finished = summary;
    }
}

using System.Diagnostics;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;
using Xunit;
using Xunit.Abstractions;

namespace Workbench.Storage.Tests;

/// <summary>Bar of issue 13: SIGKILLs at random moments against one store lose no completed run, and each killed run
/// is <c>interrupted</c> with its history reaching to within a second of the kill. Real <c>wb run</c> processes, one
/// at a time (the store has one writer), killed anywhere from start-up to mid-run, with completed runs in between.</summary>
/// <remarks>CI kills 8 times; <c>WB_KILL_SWEEP=100</c> runs the full bar by hand.</remarks>
[Trait("kind", "process")]
[Trait("bar", "kill-sweep")]
public sealed class KillSweepTests(ITestOutputHelper output)
{
    /// <summary>The bar: history up to at most this long before the kill. It is a timing figure, so it is held by
    /// the full sweep run by hand (<c>WB_KILL_SWEEP=100</c> on a machine doing nothing else: max 0.78 s). CI runs
    /// this beside other test processes, where the recorder's thread can wait its turn for a while (one CI run lost
    /// 1.02 s), so there the bound only catches a recorder that stopped writing during the run.</summary>
    private const double BarSeconds = 1.0;

    private const double CiBoundSeconds = 2.0;

    [Fact]
    public void Random_SIGKILLs_lose_no_completed_run_and_killed_runs_keep_their_recent_history()
    {
        var byHand = int.TryParse(Environment.GetEnvironmentVariable("WB_KILL_SWEEP"), out var n) && n > 0;
        var kills = byHand ? n : 8;
        var maxLoss = byHand ? BarSeconds : CiBoundSeconds;
        var random = new Random(13);
        using var temp = new TempStore();
        var completed = new Dictionary<string, (RunRecord Run, int Rows, double Best)>();
        var killed = new List<(string Name, DateTimeOffset At, bool AfterLock, double Late, DateTimeOffset? LockedAt)>();
        var failures = new List<string>();
        var losses = new List<double>();
        for (var k = 0; k < kills; k++)
        {
            if (k % 2 == 1)
            {
                Complete(temp.DbPath, $"done-{k}", k, completed, failures);
            }

            killed.Add(Kill(temp.DbPath, $"kill-{k}", k, random));
        }

        Complete(temp.DbPath, "done-last", kills, completed, failures); // a writer after the last kill marks it interrupted

        var check = StoreCheck.Run(temp.DbPath);
        Assert.True(check.Healthy, "killed writers left damage: " + string.Join("; ", check.Problems));
        using var store = RunStore.OpenReadOnly(temp.DbPath);
        var runs = store.List(new RunQuery());
        foreach (var (id, (run, rows, best)) in completed)
        {
            var now = runs.FirstOrDefault(r => r.Id == id);
            var history = now is null ? null : store.LoadHistory(id);
            if (now?.Status != RunStatus.Completed || now.Iterations != run.Iterations || history!.Count != rows || history.Best[^1] != best)
            {
                failures.Add($"completed run {run.Description.Name} ({id}) lost or changed");
            }
        }

        var early = 0;
        var stalls = 0;
        foreach (var (name, at, afterLock, stall, lockedAt) in killed)
        {
            var run = runs.FirstOrDefault(r => r.Description.Name == name);
            if (run is null)
            {
                // Killed before its first iteration (start-up, plugin loading): there was nothing to keep.
                early++;
                if (afterLock)
                {
                    failures.Add($"{name}: killed 2 s or more after it locked the store, but no run was recorded");
                }

                continue;
            }

            // What the record holds reaches the last flush: its progress (wall time, iterations) and every history
            // row the thinning kept up to then.
            var history = store.LoadHistory(run.Id);
            // A host that stalls (every process held up on a busy disk) holds up this test's polling too: the kill
            // then lands late, and the time the child could not run either is not history it lost.
            // The history's clock starts with the run loop, after planning and after the store is opened (which, after a
            // kill, includes the full history check): the later of the run's start and the child's taking of the lock
            // is still no later than that, so the loss measured is an upper bound.
            var loopStart = lockedAt is { } l && l > run.Description.StartedAt ? l : run.Description.StartedAt;
            var rawLoss = (at - loopStart.AddSeconds(run.WallSeconds)).TotalSeconds;
            var loss = stall > 0.1 ? rawLoss - stall : rawLoss;
            stalls += stall > 0.1 ? 1 : 0;
            losses.Add(loss);
            if (run.Status != RunStatus.Interrupted)
            {
                failures.Add($"{name}: status {run.Status}, not interrupted");
            }

            if (loss > maxLoss)
            {
                failures.Add($"{name}: its record ends {loss:F2} s before the kill (raw {rawLoss:F2} s, test held up {stall:F2} s; started {run.Description.StartedAt:HH:mm:ss.fff}, wall {run.WallSeconds:F3} s, " +
                             $"{run.Iterations} iterations, {history.Count} rows, killed {at:HH:mm:ss.fff})");
            }

            // No rows at all only when the kill fell between the run's insert and its first history write.
            if (history.Count == 0 ? run.Iterations != 0 : history.Iteration[^1] > run.Iterations || history.Elapsed[^1] > run.WallSeconds)
            {
                failures.Add($"{name}: history ({history.Count} rows) does not end at or before the record's progress (iteration {run.Iterations})");
            }
        }

        losses.Sort();
        output.WriteLine($"{kills} kills ({early} before the first iteration, {stalls} with the host stalled > 0.1 s), {completed.Count} completed runs kept; " +
                         $"record lost before the kill: median {Quantile(losses, 0.5):F3} s, 90% {Quantile(losses, 0.9):F3} s, max {Quantile(losses, 1):F3} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Starts a run long enough never to finish and SIGKILLs it at a random moment: a quarter during
    /// start-up, the rest up to 2.5 s after it locked the store.</summary>
    private static (string Name, DateTimeOffset At, bool AfterLock, double Late, DateTimeOffset? LockedAt) Kill(string db, string name, int k, Random random)
    {
        var startUp = random.Next(4) == 0;
        var delay = TimeSpan.FromSeconds(random.NextDouble() * (startUp ? 0.6 : 2.5));
        using var child = Run(db, name, k, "--time-limit", "60");
        var clock = Stopwatch.StartNew();
        TimeSpan? locked = null;
        var (late, lastPoll) = (TimeSpan.Zero, TimeSpan.Zero);
        while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            // Polled every 5 ms: a longer gap (seen up to 26 s on a shared machine whose disk stalled) means this
            // process was held up, the child most likely with it, and the kill moment is no longer the one drawn.
            late = Max(late, clock.Elapsed - lastPoll - TimeSpan.FromMilliseconds(20));
            locked ??= Owns(db, child.Id) ? clock.Elapsed : null;
            lastPoll = clock.Elapsed;
            var due = startUp ? delay : locked + delay;
            if (clock.Elapsed >= due)
            {
                late = Max(late, clock.Elapsed - due.Value - TimeSpan.FromMilliseconds(20));
                break;
            }

            Thread.Sleep(5);
        }

        var at = DateTimeOffset.UtcNow;
        DateTimeOffset? lockedAt = locked is null ? null : new DateTimeOffset(File.GetLastWriteTimeUtc(db + ".lock-owner"), TimeSpan.Zero);
        child.Kill(); // SIGKILL
        child.WaitForExit();
        // Between the lock and the first iteration the child opens the store (after a kill: replays the log, reads
        // every history chunk): on a busy machine that alone has taken over half a second.
        return (name, at, locked is { } l && clock.Elapsed - l >= TimeSpan.FromSeconds(2), late.TotalSeconds, lockedAt);
    }

    private static void Complete(string db, string name, int k, Dictionary<string, (RunRecord, int, double)> completed, List<string> failures)
    {
        using var child = Run(db, name, k, "--max-iters", "3000");
        if (!child.WaitForExit(60_000) || child.ExitCode != 0)
        {
            failures.Add($"{name}: wb run did not complete (exit {(child.HasExited ? child.ExitCode : -1)})");
            return;
        }

        using var store = RunStore.OpenReadOnly(db);
        var run = store.List(new RunQuery()).Single(r => r.Description.Name == name);
        var history = store.LoadHistory(run.Id);
        completed[run.Id] = (run, history.Count, history.Best[^1]);
    }

    private static Process Run(string db, string name, int seed, params string[] stop) => WbChild.Start(
        ["run", "-a", "random", "-o", "batch-size=20", "-p", "sphere", "-d", "4", "--workers", "1", "--seed", (seed + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--name", name, "--db", db, .. stop]);

    /// <summary>True once the child has the store: its PID is in the lock owner note.</summary>
    private static bool Owns(string db, int pid)
    {
        try
        {
            return File.ReadAllText(db + ".lock-owner").StartsWith($"{pid} ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Round(q * (sorted.Count - 1))];
}

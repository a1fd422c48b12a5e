using System.Diagnostics;
using Workbench.Engine.Running;

namespace Workbench.Engine.Campaigns;

/// <summary>Runs a campaign's pending runs, <see cref="Slots"/> at a time, each through the same
/// <see cref="RunPlanner"/> and <see cref="RunLoop"/> as <c>wb run</c>.</summary>
/// <remarks>
/// A campaign is parallel across runs: each run is serial on one slot (or sends its batches to peers), so its
/// history does not depend on how many runs share the machine, and the stored results are the same whatever the
/// slot count or the peers. A run stops at its budget or when best − fopt reaches the smallest target (later
/// evaluations could not change any runtime the report reads).
/// A run that fails (a plugin throws) is recorded as failed and the campaign goes on; cancellation stops
/// scheduling and interrupts the running runs, which a later resume runs again from the start.
/// </remarks>
public sealed class CampaignRunner(RunPlanner planner, Func<IRunObserver> recorder, EvaluationSettings evaluation, int slots)
{
    public int Slots { get; } = slots >= 1 ? slots : throw new ArgumentOutOfRangeException(nameof(slots), slots, "at least one slot");

    /// <summary>Runs at a time when the user does not say: one per core.</summary>
    public static int DefaultSlots => Environment.ProcessorCount;

    /// <summary>How each campaign run evaluates: one serial CPU worker (the campaign is parallel across runs, and
    /// the CPU path keeps results bit-identical wherever they are computed), its batches sent to the peers if any.</summary>
    public static EvaluationSettings EvaluationFor(IReadOnlyList<string> peers, bool useLocal = true, PeerLossPolicy onPeerLoss = PeerLossPolicy.Continue) =>
        new() { Workers = 1, Device = DeviceChoice.Cpu, Peers = peers, UseLocal = useLocal, OnPeerLoss = onPeerLoss };

    /// <summary>Plans one run of every configuration before anything runs (or the store is opened), so a misspelt
    /// algorithm, option or dimension is reported at once rather than after hours of other runs. Planned on this
    /// machine alone: checking must not open a connection to every peer per configuration.</summary>
    /// <exception cref="RunSetupException">the first configuration that cannot be planned.</exception>
    public static void Check(RunPlanner planner, IEnumerable<CampaignRun> runs)
    {
        ArgumentNullException.ThrowIfNull(planner);
        var local = EvaluationFor([]);
        foreach (var run in runs.DistinctBy(r => (r.AlgorithmId, Options: string.Join(";", r.AlgorithmOptions.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")), r.ProblemId, r.Dimension, r.Instance)))
        {
            using var prepared = planner.Prepare(run.ToRequest(local));
        }
    }

    public async Task<CampaignOutcome> RunAsync(IReadOnlyList<CampaignRun> pending, IProgress<CampaignProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int done = 0, failed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Slots, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(pending, options, async (run, token) =>
            {
                var summary = await RunOneAsync(run, token).ConfigureAwait(false);
                if (summary.Status == RunStatus.Interrupted)
                {
                    return;
                }

                if (summary.Status == RunStatus.Failed)
                {
                    Interlocked.Increment(ref failed);
                }

                var finished = Interlocked.Increment(ref done);
                progress?.Report(new CampaignProgress(finished, pending.Count, Volatile.Read(ref failed), clock.Elapsed, $"{run}: {summary.Error}", summary.Status == RunStatus.Failed));
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new CampaignOutcome(done, failed, pending.Count - done, clock.Elapsed, Cancelled: true);
        }

        return new CampaignOutcome(done, failed, pending.Count - done, clock.Elapsed, Cancelled: false);
    }

    private async Task<RunSummary> RunOneAsync(CampaignRun run, CancellationToken token)
    {
        using var planned = planner.Prepare(run.ToRequest(evaluation));
        var stop = planned.Description.KnownOptimum is double fopt
            ? planned.Description.Stop with { Target = fopt + run.SmallestTarget }
            : planned.Description.Stop;
        var prepared = new PreparedRun(planned.Description with { Stop = stop }, planned.Problem, planned.Optimizer, planned.Evaluator);
        var observer = recorder();
        try
        {
            return await RunLoop.RunAsync(prepared, [observer], token).ConfigureAwait(false);
        }
        finally
        {
            (observer as IDisposable)?.Dispose();
        }
    }
}

/// <summary>After each finished run: how many of this session's runs are done, and an estimate of the rest.</summary>
public sealed record CampaignProgress(int Done, int Total, int Failed, TimeSpan Elapsed, string LastRun, bool LastFailed)
{
    /// <summary>Remaining time at this session's pace so far (runs of one campaign cost about the same on average).</summary>
    public TimeSpan? Eta => Done == 0 ? null : TimeSpan.FromSeconds(Elapsed.TotalSeconds / Done * (Total - Done));
}

public sealed record CampaignOutcome(int Done, int Failed, int NotRun, TimeSpan Elapsed, bool Cancelled);

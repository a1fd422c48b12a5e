using System.Diagnostics;
using System.Globalization;
using System.Text;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Benchmarking;
using Workbench.Engine.Catalog;
using Workbench.Engine.Statistics;

namespace Workbench.Engine.Tasks;

/// <summary>Times a task on several node counts, and its plain single-threaded baseline when the factory offers one
/// (<see cref="ITaskBenchmarkBaseline"/>): medians of several repetitions, work units per second, the share of
/// node time spent in tubes, and each row's speed relative to one node. <c>wb bench heat</c> calls it.</summary>
/// <remarks>Times are end to end (set-up, steps, result copies, combining), the cost a user actually waits for.</remarks>
public static class TaskBenchmark
{
    /// <summary>How long the configurations take turns, unmeasured, before the timed repetitions. One round was not
    /// enough: with every core busy running nodes, the JIT's background thread gets little time to recompile the
    /// hot paths (tube pushes and pops, the exchange) at full optimisation, and 2 nodes on 2000² measured 1.31-1.56×
    /// one node after one round against 1.54-1.72× with tiered compilation off (this 2-core machine, Release).
    /// Nor were 5 s: on 2000², 50 steps, quiet, 2 nodes read a median 1.72× the loop over 11 runs with 5 s, and
    /// 1.88-2.10× (three runs) with 15 s, 1 node 1.10× against 1.23-1.28×; a task served by a long-running peer, or
    /// one of many in a process, runs at that settled speed.</summary>
    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromSeconds(15);

    public static TaskBenchmarkReport Run(
        IParallelTaskFactory factory,
        IReadOnlyDictionary<string, string> options,
        IReadOnlyList<int> nodeCounts,
        int repetitions,
        ulong seed = 1,
        CancellationToken cancellationToken = default) =>
        Run(new Registered<IParallelTaskFactory>(factory, ComponentOrigin.InProcess(factory.Id)), options, nodeCounts, repetitions, [], seed, TimeSpan.Zero, cancellationToken);

    /// <param name="runtimes">Further configurations on other runtimes (peers), measured in the same rounds.</param>
    /// <param name="warmUp">How long the configurations take turns before any is timed; at least one round is run.</param>
    public static TaskBenchmarkReport Run(
        Registered<IParallelTaskFactory> registered,
        IReadOnlyDictionary<string, string> options,
        IReadOnlyList<int> nodeCounts,
        int repetitions,
        IReadOnlyList<TaskBenchmarkRuntime> runtimes,
        ulong seed,
        TimeSpan warmUp,
        CancellationToken cancellationToken = default)
    {
        var factory = registered.Factory;
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var baseline = factory as ITaskBenchmarkBaseline;
        var values = TaskRunner.Parse(factory, options, nodeCounts.Count > 0 ? nodeCounts[0] : null);
        var units = baseline?.WorkUnits(values) ?? 1;
        var runner = new TaskRunner();
        var configs = new List<(string Label, int Nodes, Func<double> Once)>();
        if (baseline is not null)
        {
            configs.Add(("plain loop", 0, () =>
            {
                baseline.RunBaseline(values, seed, cancellationToken);
                return 0;
            }));
        }

        foreach (var k in nodeCounts)
        {
            configs.Add((k == 1 ? "1 node" : $"{k} nodes", k, () => TubeShare(runner.Run(registered, options, seed, k, null, cancellationToken))));
        }

        foreach (var remote in runtimes)
        {
            var onRuntime = new TaskRunner(remote.Runtime);
            configs.Add((remote.Label, remote.Nodes, () => TubeShare(onRuntime.Run(registered, options, seed, remote.Nodes, null, cancellationToken))));
        }

        // Unmeasured rounds warm the JIT (see DefaultWarmUp); then the configurations take turns in every
        // repetition, so a slow spell of a shared machine hits them all alike instead of whichever ran then.
        WarmUp.For(warmUp, () =>
        {
            foreach (var config in configs)
            {
                config.Once();
            }
        });

        var times = configs.Select(_ => new List<double>()).ToArray();
        var shares = configs.Select(_ => new List<double>()).ToArray();
        for (var rep = 0; rep < repetitions; rep++)
        {
            for (var c = 0; c < configs.Count; c++)
            {
                var share = 0.0;
                // The previous configuration's garbage (fields of tens of megabytes) is collected untimed, so a
                // collection it triggers is not charged to whichever configuration happens to run next.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                times[c].Add(Time(() => share = configs[c].Once()));
                shares[c].Add(share);
            }
        }

        // Speed against the plain loop as the median of each repetition's own ratio: the two were timed moments
        // apart, so a slow spell of a shared machine cancels out instead of skewing one of two medians.
        var loop = baseline is null ? -1 : 0;
        var rows = configs.Select((config, c) =>
            new TaskBenchmarkRow(config.Label, config.Nodes, Median(times[c]), units / Median(times[c]), config.Nodes == 0 ? 0 : Median(shares[c]),
                loop < 0 ? double.NaN : Median(times[c].Select((t, rep) => times[loop][rep] / t).ToList())));
        return new TaskBenchmarkReport(factory.Id, baseline?.WorkUnit ?? "runs", repetitions, Environment.ProcessorCount, rows.ToArray());
    }

    private static double TubeShare(TaskRunResult result)
    {
        var nodeTime = result.Nodes.Sum(n => n.Elapsed.TotalSeconds);
        return nodeTime > 0 ? result.Nodes.Sum(n => n.TubeTime.TotalSeconds) / nodeTime : 0;
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double Median(List<double> values) => Quantiles.Median(values);
}

/// <summary>A configuration measured on another runtime (peers): its label, node count and runtime.</summary>
public sealed record TaskBenchmarkRuntime(string Label, int Nodes, ITaskRuntime Runtime);

/// <summary>One configuration of a benchmark: <see cref="Nodes"/> is 0 for the plain baseline loop.</summary>
/// <param name="TubeShare">Median over repetitions of (time in tube pushes and pops, waits included) / (node time),
/// summed over nodes.</param>
/// <param name="VsLoop">Median over repetitions of (plain loop time) / (this configuration's time) in the same
/// repetition; NaN without a baseline.</param>
public sealed record TaskBenchmarkRow(string Label, int Nodes, double MedianSeconds, double UnitsPerSecond, double TubeShare, double VsLoop = double.NaN);

public sealed record TaskBenchmarkReport(string TaskId, string WorkUnit, int Repetitions, int ProcessorCount, IReadOnlyList<TaskBenchmarkRow> Rows)
{
    /// <summary>Speed of <paramref name="nodes"/> nodes relative to one node (NaN when either row is missing).</summary>
    public double Ratio(int nodes)
    {
        var one = Rows.FirstOrDefault(r => r.Nodes == 1);
        var k = Rows.FirstOrDefault(r => r.Nodes == nodes);
        return one is null || k is null ? double.NaN : k.UnitsPerSecond / one.UnitsPerSecond;
    }

    /// <summary>A plain-text table for the CLI.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{TaskId}: medians of {Repetitions} runs on {ProcessorCount} cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"config",-20} {"seconds",10} {WorkUnit + "/s",18} {"tube share",11} {"vs 1 node",10} {"vs loop",8}");
        foreach (var row in Rows)
        {
            var one = Rows.FirstOrDefault(r => r.Nodes == 1 && r.Label == "1 node");
            var ratio = row.Nodes == 0 || one is null ? "" : (row.UnitsPerSecond / one.UnitsPerSecond).ToString("0.00", CultureInfo.InvariantCulture);
            var share = row.Nodes == 0 ? "" : row.TubeShare.ToString("P1", CultureInfo.InvariantCulture);
            var loop = row.Nodes == 0 || double.IsNaN(row.VsLoop) ? "" : row.VsLoop.ToString("0.00", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Label,-20} {row.MedianSeconds,10:0.000} {row.UnitsPerSecond,18:0.000e+0} {share,11} {ratio,10} {loop,8}");
        }

        return text.ToString();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>Times a task on several node counts, and its plain single-threaded baseline when the factory offers one
/// (<see cref="ITaskBenchmarkBaseline"/>): medians of several repetitions, work units per second, the share of
/// node time spent in tubes, and each row's speed relative to one node. <c>wb bench heat</c> calls it.</summary>
public static class TaskBenchmark
{
    public static TaskBenchmarkReport Run(
        IParallelTaskFactory factory,
        IReadOnlyDictionary<string, string> options,
        IReadOnlyList<int> nodeCounts,
        int repetitions,
        ulong seed = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var baseline = factory as ITaskBenchmarkBaseline;
        var values = TaskRunner.Parse(factory, options, nodeCounts.Count > 0 ? nodeCounts[0] : null);
        var units = baseline?.WorkUnits(values) ?? 1;
        var rows = new List<TaskBenchmarkRow>();
        if (baseline is not null)
        {
            var times = Repeat(repetitions, () => baseline.RunBaseline(values, seed, cancellationToken));
            rows.Add(new TaskBenchmarkRow("plain loop", 0, Median(times), units / Median(times), 0));
        }

        var runner = new TaskRunner();
        foreach (var k in nodeCounts)
        {
            var shares = new List<double>();
            var times = Repeat(repetitions, () =>
            {
                var result = runner.Run(factory, options, seed, k, null, cancellationToken);
                var nodeTime = result.Nodes.Sum(n => n.Elapsed.TotalSeconds);
                shares.Add(nodeTime > 0 ? result.Nodes.Sum(n => n.TubeTime.TotalSeconds) / nodeTime : 0);
            });
            rows.Add(new TaskBenchmarkRow(k == 1 ? "1 node" : $"{k} nodes", k, Median(times), units / Median(times), Median(shares)));
        }

        return new TaskBenchmarkReport(factory.Id, baseline?.WorkUnit ?? "runs", repetitions, Environment.ProcessorCount, rows);
    }

    private static List<double> Repeat(int repetitions, Action action)
    {
        var times = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>One configuration of a benchmark: <see cref="Nodes"/> is 0 for the plain baseline loop.</summary>
/// <param name="TubeShare">Median over repetitions of (time in tube pushes and pops, waits included) / (node time),
/// summed over nodes.</param>
public sealed record TaskBenchmarkRow(string Label, int Nodes, double MedianSeconds, double UnitsPerSecond, double TubeShare);

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
        text.AppendLine(CultureInfo.InvariantCulture, $"{"config",-12} {"seconds",10} {WorkUnit + "/s",18} {"tube share",11} {"vs 1 node",10}");
        foreach (var row in Rows)
        {
            var ratio = row.Nodes == 0 ? "" : Ratio(row.Nodes).ToString("0.00", CultureInfo.InvariantCulture);
            var share = row.Nodes == 0 ? "" : row.TubeShare.ToString("P1", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Label,-12} {row.MedianSeconds,10:0.000} {row.UnitsPerSecond,18:0.000e+0} {share,11} {ratio,10}");
        }

        return text.ToString();
    }
}

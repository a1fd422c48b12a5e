using System.Globalization;
using System.Text;

namespace Workbench.Reporting;

/// <summary>When each run first reached each precision: the first row whose gap (best-so-far minus the known
/// optimum, or best-so-far itself when no optimum is known) is at or below the threshold.</summary>
public sealed class ThresholdTable
{
    public static readonly IReadOnlyList<double> DefaultThresholds = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

    private ThresholdTable(IReadOnlyList<double> thresholds, IReadOnlyList<ThresholdRow> rows)
    {
        Thresholds = thresholds;
        Rows = rows;
    }

    public IReadOnlyList<double> Thresholds { get; }

    public IReadOnlyList<ThresholdRow> Rows { get; }

    /// <summary>True when every run's problem has a known optimum, so gaps are distances to it.</summary>
    public bool RelativeToOptimum => Rows.All(r => r.Run.HasKnownOptimum);

    public static ThresholdTable Build(IReadOnlyList<RunData> runs, IReadOnlyList<double>? thresholds = null)
    {
        thresholds ??= DefaultThresholds;
        return new ThresholdTable(thresholds, runs.Select(r => Row(r, thresholds)).ToList());
    }

    /// <summary>One line per run: id, labels, outcome, then evaluations and seconds to each threshold (empty when
    /// never reached). Numbers in round-trip form.</summary>
    public string ToCsv()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("run_id,algorithm,problem,dimension,seed,status,stop_reason,best,gap,evaluations,iterations,seconds");
        foreach (var t in Thresholds)
        {
            sb.Append(c, $",evals_to_{t:R},seconds_to_{t:R}");
        }

        sb.Append('\n');
        foreach (var row in Rows)
        {
            var d = row.Run.Run.Description;
            sb.Append(c, $"{d.RunId},{Csv.Escape(d.Algorithm.Id)},{Csv.Escape(d.Problem.Id)},{d.Dimension},{d.Seed},{row.Run.Run.Status},");
            sb.Append(c, $"{Csv.Escape(row.Run.Run.StopReason?.ToString() ?? "")},{row.Best:R},{row.Gap:R},{row.Evaluations},{row.Iterations},{row.Seconds:R}");
            foreach (var hit in row.Hits)
            {
                sb.Append(c, $",{hit?.Evaluations.ToString(c)},{hit?.Seconds.ToString("R", c)}");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static ThresholdRow Row(RunData run, IReadOnlyList<double> thresholds)
    {
        var h = run.History;
        var hits = new ThresholdHit?[thresholds.Count];
        var next = 0;
        // Thresholds fall, and the gap never rises, so one pass finds every first crossing.
        var order = thresholds.Select((t, k) => (t, k)).OrderByDescending(p => p.t).ToArray();
        for (var i = 0; i < h.Count && next < order.Length; i++)
        {
            var gap = run.Gap(i);
            while (next < order.Length && gap <= order[next].t)
            {
                hits[order[next].k] = new ThresholdHit(h.Evaluations[i], h.Iteration[i], h.Elapsed[i]);
                next++;
            }
        }

        var last = h.Count - 1;
        return new ThresholdRow(run, hits,
            Best: last >= 0 ? h.Best[last] : run.Run.BestFitness,
            Gap: last >= 0 ? run.Gap(last) : double.NaN,
            Evaluations: last >= 0 ? h.Evaluations[last] : run.Run.Evaluations,
            Iterations: last >= 0 ? h.Iteration[last] : run.Run.Iterations,
            Seconds: last >= 0 ? h.Elapsed[last] : run.Run.WallSeconds);
    }
}

/// <summary>A run's line of the table: its outcome and, per threshold, where it was first reached (null: never).</summary>
public sealed record ThresholdRow(RunData Run, IReadOnlyList<ThresholdHit?> Hits, double Best, double Gap, long Evaluations, long Iterations, double Seconds);

public sealed record ThresholdHit(long Evaluations, long Iterations, double Seconds)
{
    public double On(CompareAxis axis) => axis switch
    {
        CompareAxis.Iterations => Iterations,
        CompareAxis.Time => Seconds,
        _ => Evaluations,
    };
}

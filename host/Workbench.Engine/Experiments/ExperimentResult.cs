using Workbench.Engine.Statistics;

namespace Workbench.Engine.Experiments;

/// <summary>The outcome of one setting over all seeds.</summary>
public sealed class SettingResult
{
    public SettingResult(ExperimentSetting setting, double threshold, IReadOnlyList<SeedRun> runs)
    {
        Setting = setting;
        Runs = runs;
        var bests = runs.Select(r => r.BestFitness).ToArray();
        Median = Quantiles.Median(bests);
        LowerQuartile = Quantiles.Quantile(bests, 0.25);
        UpperQuartile = Quantiles.Quantile(bests, 0.75);
        Successes = bests.Count(b => b <= threshold);
        MedianWallSeconds = Quantiles.Median(runs.Select(r => r.WallSeconds));
        MedianCurve = MedianByIteration(runs.Select(r => r.BestSoFar).ToArray());
    }

    public ExperimentSetting Setting { get; }

    public IReadOnlyList<SeedRun> Runs { get; }

    public double Median { get; }

    public double LowerQuartile { get; }

    public double UpperQuartile { get; }

    public int Successes { get; }

    public double MedianWallSeconds { get; }

    /// <summary>Per iteration, the median over seeds of best-so-far (a run that stopped early keeps its last value).</summary>
    public IReadOnlyList<double> MedianCurve { get; }

    /// <summary>The iteration index is the x of a step curve, so this is the same median as every other view's.</summary>
    private static double[] MedianByIteration(IReadOnlyList<double[]> curves)
    {
        var length = curves.Count == 0 ? 0 : curves.Max(c => c.Length);
        var steps = curves.Select(c => (IReadOnlyList<(double X, double Y)>)c.Select((y, i) => ((double)i, y)).ToArray()).ToArray();
        return StepCurves.Band(steps, Enumerable.Range(0, length).Select(i => (double)i).ToArray()).Median;
    }
}

/// <summary>One seed of one setting.</summary>
public sealed record SeedRun(ulong Seed, double BestFitness, long Evaluations, long Iterations, string StopReason, double WallSeconds, double[] BestSoFar);

public sealed record ExperimentResult(ExperimentDefinition Definition, int Seeds, IReadOnlyList<SettingResult> Settings);

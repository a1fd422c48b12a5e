namespace Workbench.Engine.Experiments;

/// <summary>The outcome of one setting over all seeds.</summary>
public sealed class SettingResult
{
    public SettingResult(ExperimentSetting setting, double threshold, IReadOnlyList<SeedRun> runs)
    {
        Setting = setting;
        Runs = runs;
        var bests = runs.Select(r => r.BestFitness).ToArray();
        Median = Statistics.Quantile(bests, 0.5);
        LowerQuartile = Statistics.Quantile(bests, 0.25);
        UpperQuartile = Statistics.Quantile(bests, 0.75);
        Successes = bests.Count(b => b <= threshold);
        MedianWallSeconds = Statistics.Quantile(runs.Select(r => r.WallSeconds).ToArray(), 0.5);
        MedianCurve = Statistics.MedianCurve(runs.Select(r => r.BestSoFar).ToArray());
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
}

/// <summary>One seed of one setting.</summary>
public sealed record SeedRun(ulong Seed, double BestFitness, long Evaluations, long Iterations, string StopReason, double WallSeconds, double[] BestSoFar);

public sealed record ExperimentResult(ExperimentDefinition Definition, int Seeds, IReadOnlyList<SettingResult> Settings);

using Workbench.Engine.Running;

namespace Workbench.Engine.Experiments;

/// <summary>Runs every setting of an experiment over seeds 1..N, one run at a time (each run already uses every
/// core), through the same planner and run loop as <c>wb run</c>.</summary>
public sealed class ExperimentRunner
{
    private readonly RunPlanner _planner;

    public ExperimentRunner(RunPlanner planner)
    {
        _planner = planner;
    }

    /// <summary>Called after each run: the setting, the seed's result.</summary>
    public event Action<ExperimentSetting, SeedRun>? RunCompleted;

    /// <param name="evaluation">Overrides the settings' evaluation (workers) for every run.</param>
    /// <param name="observersPerRun">Called once per run for observers of that run only (a store's recorder, a
    /// capture for plots); those that are disposable are disposed when the run ends.</param>
    public async Task<ExperimentResult> RunAsync(ExperimentDefinition experiment, int seeds, EvaluationSettings evaluation,
        Func<IReadOnlyList<IRunObserver>> observersPerRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        var results = new List<SettingResult>();
        foreach (var setting in experiment.Settings)
        {
            var runs = new List<SeedRun>();
            for (var seed = 1UL; seed <= (ulong)seeds; seed++)
            {
                var request = setting.ForSeed(seed) with { Evaluation = evaluation, Tags = ["experiment:" + experiment.Id] };
                using var run = _planner.Prepare(request);
                var curve = new CurveObserver();
                var extra = observersPerRun();
                var summary = await RunLoop.RunAsync(run, [curve, .. extra], cancellationToken);
                foreach (var disposable in extra.OfType<IDisposable>())
                {
                    disposable.Dispose();
                }

                if (summary.Status == RunStatus.Failed)
                {
                    throw new InvalidOperationException($"{setting.Label}, seed {seed}: {summary.Error}");
                }

                cancellationToken.ThrowIfCancellationRequested();
                var result = new SeedRun(seed, summary.BestFitness, summary.Evaluations, summary.Iterations,
                    summary.StopReason.ToString(), summary.WallSeconds, curve.BestSoFar.ToArray());
                runs.Add(result);
                RunCompleted?.Invoke(setting, result);
            }

            results.Add(new SettingResult(setting, experiment.SuccessThreshold, runs));
        }

        return new ExperimentResult(experiment, seeds, results);
    }

    private sealed class CurveObserver : IRunObserver
    {
        public List<double> BestSoFar { get; } = [];

        public void OnRunStarted(RunDescription run)
        {
        }

        public void OnIteration(IterationRecord record) => BestSoFar.Add(record.BestSoFar);

        public void OnRunFinished(RunSummary summary)
        {
        }
    }
}

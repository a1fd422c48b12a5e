using System.Globalization;
using Workbench.Engine.Benchmarking;
using Workbench.Engine.Running;
using Workbench.Engine.Statistics;

namespace Workbench.Engine.Experiments;

/// <summary>The Playdoh paper's Fig. 4B: how much of the ideal speed-up distributed evaluation keeps as the cost of
/// one evaluation grows, for PSO (evaluations spread) and the GA (islands on peers). Each evaluation pauses p ms (the benchmark problems' <c>pause-ms</c>); the same run (same
/// seed, so the same points) goes once on one slot and once spread over the peers; their wall times give the
/// speed-up. Repetitions give medians.</summary>
public sealed class OverheadExperiment(RunPlanner planner)
{
    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromSeconds(3);

    public sealed record Settings
    {
        public string Algorithm { get; init; } = "pso";

        public IReadOnlyDictionary<string, string> AlgorithmOptions { get; init; } = new Dictionary<string, string> { ["swarm-size"] = "80" };

        public string Problem { get; init; } = "rosenbrock";

        public int Dimension { get; init; } = 5;

        public int Iterations { get; init; } = 3;

        public int Repetitions { get; init; } = 3;

        /// <summary>How long both settings run, unmeasured and without pauses, before the first timed run. Without
        /// it the first pause measured ran the peers' request path and the optimiser in unoptimised code: PSO at
        /// 1 ms, measured first, read a speed-up of 2.24 against 2.56 when measured after the 0 ms pause.</summary>
        public TimeSpan WarmUp { get; init; } = DefaultWarmUp;

        public IReadOnlyList<double> PausesMs { get; init; } = [0, 1, 2, 5, 10, 20, 50, 100];

        /// <summary>The one-slot baseline (this machine, one worker).</summary>
        public EvaluationSettings Baseline { get; init; } = new() { Workers = 1 };

        /// <summary>The distributed setting (peers, usually without local slots).</summary>
        public required EvaluationSettings Distributed { get; init; }

        /// <summary>Islands of both settings (null: one population). Distributed islands run one per slot.</summary>
        public IslandSettings? Islands { get; init; }

        /// <summary>Fig. 4B's PSO line: 80 particles, every generation's evaluations spread over the slots.</summary>
        public static Settings PaperPso(EvaluationSettings distributed) => new() { Distributed = distributed };

        /// <summary>Fig. 4B's GA line: 3 islands of 100 on Schwefel's function (the paper's 3 workers on 3 servers),
        /// migrating every <see cref="IslandSettings.DefaultInterval"/> generations, each island on a slot of its own
        /// against the same 3 islands on one slot; 60 generations, so the run sees 3 migrations.</summary>
        public static Settings PaperGa(EvaluationSettings distributed) => new()
        {
            Algorithm = "ga",
            AlgorithmOptions = new Dictionary<string, string> { ["population"] = "100" },
            Problem = "schwefel",
            Iterations = 60,
            Islands = new IslandSettings(3),
            Distributed = distributed with { Distribute = Distribution.Islands },
        };
    }

    /// <summary>One pause: median wall seconds of each setting, their ratio, and whether both runs found exactly the
    /// same best (they must: same seed, same points).</summary>
    public sealed record Point(double PauseMs, double BaselineSeconds, double DistributedSeconds, double Speedup, bool SameResult);

    public event Action<Point>? PointMeasured;

    public async Task<IReadOnlyList<Point>> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        await WarmUp.ForAsync(settings.WarmUp, async () =>
        {
            await RunOnceAsync(settings, 0, settings.Baseline, 0, cancellationToken).ConfigureAwait(false);
            await RunOnceAsync(settings, 0, settings.Distributed, 0, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var points = new List<Point>();
        foreach (var pause in settings.PausesMs)
        {
            var baseline = new List<double>();
            var distributed = new List<double>();
            var same = true;
            for (var rep = 0; rep < settings.Repetitions; rep++)
            {
                var one = await RunOnceAsync(settings, pause, settings.Baseline, rep, cancellationToken).ConfigureAwait(false);
                var many = await RunOnceAsync(settings, pause, settings.Distributed, rep, cancellationToken).ConfigureAwait(false);
                baseline.Add(one.WallSeconds);
                distributed.Add(many.WallSeconds);
                same &= one.BestFitness.Equals(many.BestFitness) && one.Evaluations == many.Evaluations;
            }

            var b = Quantiles.Median(baseline);
            var d = Quantiles.Median(distributed);
            var point = new Point(pause, b, d, b / d, same);
            points.Add(point);
            PointMeasured?.Invoke(point);
        }

        return points;
    }

    private async Task<RunSummary> RunOnceAsync(Settings settings, double pause, EvaluationSettings evaluation, int rep, CancellationToken cancellationToken)
    {
        var request = new RunRequest
        {
            AlgorithmId = settings.Algorithm,
            AlgorithmOptions = settings.AlgorithmOptions,
            ProblemId = settings.Problem,
            ProblemOptions = new Dictionary<string, string> { ["pause-ms"] = pause.ToString("R", CultureInfo.InvariantCulture) },
            Dimension = settings.Dimension,
            Seed = (ulong)(rep + 1),
            Stop = new StopCriteria { MaxIterations = settings.Iterations },
            Evaluation = evaluation,
            Islands = settings.Islands,
        };
        using var run = planner.Prepare(request);
        var summary = await RunLoop.RunAsync(run, [], cancellationToken).ConfigureAwait(false);
        return summary.Status == RunStatus.Completed ? summary : throw new ExperimentException($"the {run.Description.Evaluator} run at pause {pause} ms ended {summary.Status}: {summary.Error}");
    }
}

/// <summary>An experiment could not finish (one of its runs failed); the message says which and why.</summary>
public sealed class ExperimentException(string message) : Exception(message);

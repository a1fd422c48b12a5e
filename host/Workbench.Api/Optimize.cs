using Workbench.Contracts.Problems;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Workbench.Engine.Specs;
using Workbench.Transport.Client;
using Workbench.Transport.Evaluation;
using Workbench.Transport.Functions;
using Workbench.Transport.Security;

namespace Workbench;

/// <summary>Optimise a C# function without writing a plugin: the equivalent of Playdoh's
/// <c>minimize(square, x=[-10, 10])</c>. Runs on the same engine as <c>wb run</c>: the algorithms come from the
/// plugin catalog, evaluation goes through the guard and the (multicore) evaluator, the stopping criteria,
/// seeds, islands and observers are the engine's own.</summary>
/// <example><code>
/// var result = Optimize.Minimize(x => x.Sum(v => v * v), -10, 10, dimension: 5);
/// </code></example>
public static class Optimize
{
    /// <summary>Minimises <paramref name="objective"/> over [lower, upper]^dimension.</summary>
    public static OptimizationResult Minimize(Func<double[], double> objective, double lower, double upper, int dimension,
        string algorithm = "cmaes", OptimizeOptions? options = null) =>
        Run(objective, Uniform(dimension, lower, upper), algorithm, options, maximize: false, CancellationToken.None);

    /// <summary>Minimises <paramref name="objective"/> over the box [lower[i], upper[i]].</summary>
    public static OptimizationResult Minimize(Func<double[], double> objective, double[] lower, double[] upper,
        string algorithm = "cmaes", OptimizeOptions? options = null) =>
        Run(objective, new Bounds(lower, upper), algorithm, options, maximize: false, CancellationToken.None);

    /// <summary>Maximises <paramref name="objective"/> over [lower, upper]^dimension (by minimising its negation).</summary>
    public static OptimizationResult Maximize(Func<double[], double> objective, double lower, double upper, int dimension,
        string algorithm = "cmaes", OptimizeOptions? options = null) =>
        Run(objective, Uniform(dimension, lower, upper), algorithm, options, maximize: true, CancellationToken.None);

    /// <summary>Maximises <paramref name="objective"/> over the box [lower[i], upper[i]].</summary>
    public static OptimizationResult Maximize(Func<double[], double> objective, double[] lower, double[] upper,
        string algorithm = "cmaes", OptimizeOptions? options = null) =>
        Run(objective, new Bounds(lower, upper), algorithm, options, maximize: true, CancellationToken.None);

    /// <summary>Minimises with cancellation: a cancelled call returns the best so far with status Interrupted.</summary>
    public static Task<OptimizationResult> MinimizeAsync(Func<double[], double> objective, double[] lower, double[] upper,
        string algorithm = "cmaes", OptimizeOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Run(objective, new Bounds(lower, upper), algorithm, options, maximize: false, cancellationToken), CancellationToken.None);

    private static Bounds Uniform(int dimension, double lower, double upper)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return Bounds.Uniform(dimension, lower, upper);
    }

    private static OptimizationResult Run(Func<double[], double> objective, Bounds bounds, string algorithm,
        OptimizeOptions? options, bool maximize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithm);
        options ??= new OptimizeOptions();
        Func<double[], double> minimised = maximize ? x => -objective(x) : objective;
        var problem = new ObjectiveProblem(minimised, bounds, options.ObjectiveIsThreadSafe, Portable(objective, options, maximize));
        var catalog = new ApiCatalog(options.Catalog ?? ApiCatalog.BuiltIn, problem);
        var request = Request(options, algorithm, bounds.Dimension, maximize);
        var history = new HistoryObserver();
        using var run = new RunPlanner(catalog, Evaluators(options)).Prepare(request);

        // The loop completes synchronously with local evaluators; Task.Run keeps a caller's synchronisation
        // context (a UI, a notebook) out of it, so blocking here cannot deadlock.
        var summary = Task.Run(() => RunLoop.RunAsync(run, [history, .. options.Observers], cancellationToken), CancellationToken.None)
            .GetAwaiter().GetResult();
        if (summary.Status == RunStatus.Failed)
        {
            throw new OptimizationFailedException(summary.Error ?? "the run failed", summary);
        }

        var sign = maximize ? -1.0 : 1.0;
        return new OptimizationResult
        {
            BestPoint = summary.BestPoint,
            BestValue = sign * summary.BestFitness,
            Evaluations = summary.Evaluations,
            Iterations = summary.Iterations,
            StopReason = summary.StopReason.ToString(),
            Status = summary.Status,
            Seed = request.Seed,
            WallSeconds = summary.WallSeconds,
            History = maximize
                ? history.Records.Select(r => r with { BestSoFar = -r.BestSoFar, IterationBest = -r.IterationBest, Mean = -r.Mean }).ToArray()
                : history.Records,
            Run = run.Description,
        };
    }

    /// <summary>With peers, the user's own function (not the negating wrapper) described for shipping; the peer
    /// negates for a maximisation, as here.</summary>
    private static ComponentSpec? Portable(Func<double[], double> objective, OptimizeOptions options, bool maximize) =>
        options.Peers.Count == 0 ? null : FunctionBundles.Describe(objective, new Dictionary<string, string>
        {
            ["thread-safe"] = options.ObjectiveIsThreadSafe ? "true" : "false",
            ["negate"] = maximize ? "true" : "false",
        });

    private static IEvaluatorProvider Evaluators(OptimizeOptions options) => options.Peers.Count == 0
        ? new CpuEvaluatorProvider()
        : new PeersEvaluatorProvider(new CpuEvaluatorProvider(), () => new ClusterCredentials(ClusterKey.Load(ClusterKey.Locate(options.KeyFile))), NoPluginFolders.Instance);

    private static RunRequest Request(OptimizeOptions options, string algorithm, int dimension, bool maximize)
    {
        var stop = new StopCriteria
        {
            MaxEvaluations = options.MaxEvaluations,
            MaxIterations = options.MaxIterations,
            Target = options.Target is double t && maximize ? -t : options.Target,
            TimeLimit = options.TimeLimit,
            StagnationIterations = options.StagnationIterations,
        };
        stop = RunDefaults.WithDefaultBudget(stop, dimension);

        return new RunRequest
        {
            AlgorithmId = algorithm,
            AlgorithmOptions = options.AlgorithmOptions,
            ProblemId = ObjectiveProblem.ProblemId,
            Dimension = dimension,
            Seed = options.Seed ?? RunDefaults.FreshSeed(),
            Stop = stop,
            Evaluation = new EvaluationSettings
            {
                Workers = options.Workers,
                NonFinite = options.NonFinite,
                Peers = options.Peers,
                UseLocal = options.UseLocal,
                OnPeerLoss = options.OnPeerLoss,
                Distribute = options.Distribute,
            },
            Islands = options.Islands,
            Name = options.Name,
        };
    }

    private sealed class HistoryObserver : IRunObserver
    {
        public List<IterationRecord> Records { get; } = [];

        public void OnRunStarted(RunDescription run)
        {
        }

        public void OnIteration(IterationRecord record) => Records.Add(record);

        public void OnRunFinished(RunSummary summary)
        {
        }
    }
}

/// <summary>The API ships functions, not plugin folders: its algorithms run here, only evaluation goes to peers.</summary>
internal sealed class NoPluginFolders : IPluginFolderSource
{
    public static readonly NoPluginFolders Instance = new();

    public string? FolderOf(string folderSha256) => null;
}

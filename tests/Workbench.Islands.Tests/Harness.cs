using Workbench.Conformance;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Islands.Tests;

internal static class Harness
{
    public static readonly StaticCatalog Catalog = new([new TinyPopulationFactory(), new TinyEsFactory()], [new ShiftedSphereFactory()]);

    public static RunRequest Request(IslandSettings? islands, int workers = 1, string algorithm = "tiny-pop", int population = 20, long iterations = 30) => new()
    {
        AlgorithmId = algorithm,
        AlgorithmOptions = algorithm == "tiny-pop" ? new Dictionary<string, string> { ["population"] = population.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
        ProblemId = "shifted-sphere",
        Dimension = 3,
        Seed = 7,
        Stop = new StopCriteria { MaxIterations = iterations },
        Evaluation = new EvaluationSettings { Workers = workers },
        Islands = islands,
    };

    public static async Task<(RunSummary Summary, List<IterationRecord> History, RunDescription Description)> RunAsync(
        RunRequest request, IEvaluatorProvider? evaluators = null)
    {
        var history = new List<IterationRecord>();
        using var run = new RunPlanner(Catalog, evaluators ?? new CpuEvaluatorProvider()).Prepare(request);
        var summary = await RunLoop.RunAsync(run, [new Recorder(history)], CancellationToken.None);
        return (summary, history, run.Description);
    }

    private sealed class Recorder(List<IterationRecord> history) : IRunObserver
    {
        public void OnRunStarted(RunDescription run)
        {
        }

        public void OnIteration(IterationRecord record) => history.Add(record);

        public void OnRunFinished(RunSummary summary)
        {
        }
    }
}

/// <summary>Counts the batches that reach the evaluator.</summary>
internal sealed class CountingEvaluators : IEvaluatorProvider
{
    public List<int> Batches { get; } = [];

    public IEvaluator Create(ProblemGuard problem, EvaluationSettings settings) => new Counting(new CpuEvaluatorProvider().Create(problem, settings), Batches);

    private sealed class Counting(IEvaluator inner, List<int> batches) : IEvaluator
    {
        public string Name => inner.Name;

        public int Workers => inner.Workers;

        public string Device => inner.Device;

        public ValueTask EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, CancellationToken cancellationToken)
        {
            batches.Add(fitness.Length);
            return inner.EvaluateAsync(points, fitness, cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }
}

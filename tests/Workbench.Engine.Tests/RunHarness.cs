using Workbench.Conformance;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Engine.Tests;

/// <summary>Prepares and runs real runs over the test factories, capturing every observer event.</summary>
internal static class RunHarness
{
    public static readonly StaticCatalog Catalog = new([new TinyEsFactory()], [new ShiftedSphereFactory(), new FaultyFactory()]);

    public static RunRequest Request(StopCriteria stop, int workers = 1, ulong seed = 1, Dictionary<string, string>? algorithmOptions = null) => new()
    {
        AlgorithmId = "tiny-es",
        AlgorithmOptions = algorithmOptions ?? [],
        ProblemId = "shifted-sphere",
        Dimension = 3,
        Seed = seed,
        Stop = stop,
        Evaluation = new EvaluationSettings { Workers = workers },
    };

    public static async Task<(RunSummary Summary, RecordingObserver Observer)> RunAsync(
        RunRequest request, TimeProvider? time = null, CancellationToken cancellationToken = default, IRunObserver? extra = null)
    {
        var observer = new RecordingObserver();
        using var run = new RunPlanner(Catalog, new CpuEvaluatorProvider(), time).Prepare(request);
        IRunObserver[] observers = extra is null ? [observer] : [observer, extra];
        var summary = await RunLoop.RunAsync(run, observers, cancellationToken, time);
        return (summary, observer);
    }
}

internal sealed class RecordingObserver : IRunObserver
{
    public RunDescription? Started { get; private set; }

    public List<IterationRecord> History { get; } = [];

    public RunSummary? Finished { get; private set; }

    public void OnRunStarted(RunDescription run) => Started = run;

    public void OnIteration(IterationRecord record) => History.Add(record);

    public void OnRunFinished(RunSummary summary) => Finished = summary;
}

/// <summary>A clock that advances a fixed step each time it is read: time limits become exact iteration counts.</summary>
internal sealed class SteppingTime(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}

using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Reporting;

/// <summary>Keeps one run in memory as it goes, so that reports and plots can be made without a store.</summary>
public sealed class RunCapture : IRunObserver
{
    private readonly List<IterationRecord> _rows = [];
    private RunDescription? _run;

    /// <summary>The finished run, or null before it finishes.</summary>
    public RunData? Result { get; private set; }

    public void OnRunStarted(RunDescription run) => _run = run;

    public void OnIteration(IterationRecord record) => _rows.Add(record);

    public void OnRunFinished(RunSummary summary)
    {
        var run = _run ?? throw new InvalidOperationException("the run finished before it started");
        var record = new RunRecord
        {
            Description = run,
            Status = summary.Status,
            StopReason = summary.StopReason,
            Error = summary.Error,
            BestFitness = summary.BestFitness,
            BestPoint = summary.BestPoint,
            Evaluations = summary.Evaluations,
            Iterations = summary.Iterations,
            WallSeconds = summary.WallSeconds,
            EndedAt = summary.EndedAt,
            OwnerPid = Environment.ProcessId,
            OwnerHost = Environment.MachineName,
        };
        Result = new RunData(record, RunHistory.From(_rows, run.ExtraNames));
    }
}

using Workbench.Engine.Running;

namespace Workbench.Engine.Archive;

/// <summary>A stored run without its history: what it was asked to do and how it ended (or how far it got).</summary>
/// <remarks>Lists and tables read these; the history is loaded separately so that listing thousands of runs stays cheap.</remarks>
public sealed record RunRecord
{
    public required RunDescription Description { get; init; }

    public string Id => Description.RunId;

    public required RunStatus Status { get; init; }

    /// <summary>Why it stopped; null while it runs (or when its process died before it could say).</summary>
    public StopReason? StopReason { get; init; }

    public string? Error { get; init; }

    public required double BestFitness { get; init; }

    public required double[] BestPoint { get; init; }

    public required long Evaluations { get; init; }

    public required long Iterations { get; init; }

    public required double WallSeconds { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Where the evaluations went (each peer's share, re-dispatches) for runs with peers; else null.</summary>
    public Evaluation.EvaluatorReport? EvaluatorReport { get; init; }

    /// <summary>The process that wrote the run, to tell a live run from one whose process died.</summary>
    public required int OwnerPid { get; init; }

    public required string OwnerHost { get; init; }
}

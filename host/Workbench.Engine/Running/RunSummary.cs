namespace Workbench.Engine.Running;

public enum RunStatus
{
    Running,
    Completed,
    Failed,

    /// <summary>Stopped by the user (Ctrl-C, Stop) or found running with its process gone.</summary>
    Interrupted,
}

/// <summary>How a run ended.</summary>
public sealed record RunSummary
{
    public required string RunId { get; init; }

    public required RunStatus Status { get; init; }

    public required StopReason StopReason { get; init; }

    /// <summary>The error that failed the run, one line, naming the plugin at fault where there is one.</summary>
    public string? Error { get; init; }

    public required double BestFitness { get; init; }

    public required double[] BestPoint { get; init; }

    public required long Evaluations { get; init; }

    public required long Iterations { get; init; }

    public required double WallSeconds { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>Where the evaluations went, for evaluators that spread them (peers); null otherwise.</summary>
    public Evaluation.EvaluatorReport? EvaluatorReport { get; init; }
}

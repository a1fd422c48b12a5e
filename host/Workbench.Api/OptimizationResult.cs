using Workbench.Engine.Running;

namespace Workbench;

/// <summary>What an <see cref="Optimize"/> call found. Values are in the caller's sense: for Maximize,
/// <see cref="BestValue"/> and the history are the objective itself (largest is best), not its negation.</summary>
public sealed record OptimizationResult
{
    public required double[] BestPoint { get; init; }

    public required double BestValue { get; init; }

    public required long Evaluations { get; init; }

    public required long Iterations { get; init; }

    /// <summary>Text form, as printed by <c>wb run</c>: <c>max-evaluations</c>, <c>target</c>, <c>converged:tolfun</c>, ...</summary>
    public required string StopReason { get; init; }

    /// <summary>Completed, or Interrupted when the call was cancelled (the result then holds the best so far).</summary>
    public required RunStatus Status { get; init; }

    public required ulong Seed { get; init; }

    public required double WallSeconds { get; init; }

    /// <summary>One row per iteration: evaluations, best so far, iteration best and mean, elapsed time, extras.</summary>
    public required IReadOnlyList<IterationRecord> History { get; init; }

    /// <summary>The full description of the run (algorithm options with defaults, evaluator, machine, ...).</summary>
    public required RunDescription Run { get; init; }
}

/// <summary>The run failed: the objective threw or returned a non-finite value, an algorithm failed, or an
/// observer failed. The message names the culprit.</summary>
public sealed class OptimizationFailedException(string message, RunSummary summary) : Exception(message)
{
    public RunSummary Summary { get; } = summary;
}

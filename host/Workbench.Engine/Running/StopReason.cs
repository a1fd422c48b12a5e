namespace Workbench.Engine.Running;

public enum StopKind
{
    TargetReached,
    MaxEvaluations,
    MaxIterations,
    TimeLimit,
    Stagnation,

    /// <summary>The optimiser decided it had converged (detail: its own reason, such as <c>tolfun</c>).</summary>
    Converged,
    Cancelled,
    Failed,
}

/// <summary>Why a run stopped. Text form: <c>target</c>, <c>max-evaluations</c>, ..., <c>converged:tolfun</c>.</summary>
public readonly record struct StopReason(StopKind Kind, string? Detail = null)
{
    public override string ToString()
    {
        var name = Kind switch
        {
            StopKind.TargetReached => "target",
            StopKind.MaxEvaluations => "max-evaluations",
            StopKind.MaxIterations => "max-iterations",
            StopKind.TimeLimit => "time-limit",
            StopKind.Stagnation => "stagnation",
            StopKind.Converged => "converged",
            StopKind.Cancelled => "cancelled",
            StopKind.Failed => "failed",
            _ => Kind.ToString(),
        };
        return Detail is null ? name : $"{name}:{Detail}";
    }
}

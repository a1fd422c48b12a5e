namespace Workbench.Engine.Running;

/// <summary>When a run stops (whichever comes first). Null means "no limit".</summary>
public sealed record StopCriteria
{
    /// <summary>Evaluation budget. The last batch is cut to the remaining budget, so it is never exceeded.</summary>
    public long? MaxEvaluations { get; init; }

    public long? MaxIterations { get; init; }

    /// <summary>Stop at the end of the iteration whose best-so-far is at or below this value.</summary>
    public double? Target { get; init; }

    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Stop when best-so-far has not improved for this many iterations.</summary>
    public int? StagnationIterations { get; init; }

    public bool HasAnyLimit => MaxEvaluations is not null || MaxIterations is not null || Target is not null
        || TimeLimit is not null || StagnationIterations is not null;

    /// <summary>Checks the values and throws <see cref="RunSetupException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (MaxEvaluations is < 1)
        {
            throw new RunSetupException("max-evals", $"max-evals must be at least 1, got {MaxEvaluations}");
        }

        if (MaxIterations is < 1)
        {
            throw new RunSetupException("max-iters", $"max-iters must be at least 1, got {MaxIterations}");
        }

        if (Target is double t && !double.IsFinite(t))
        {
            throw new RunSetupException("target", "target must be a finite number");
        }

        if (TimeLimit is TimeSpan limit && limit <= TimeSpan.Zero)
        {
            throw new RunSetupException("time-limit", "time-limit must be positive");
        }

        if (StagnationIterations is < 1)
        {
            throw new RunSetupException("stagnation", $"stagnation must be at least 1, got {StagnationIterations}");
        }
    }
}

using Workbench.Engine.Archive;

namespace Workbench.Reporting;

/// <summary>A stored run with its history: the unit every comparison works on.</summary>
public sealed record RunData(RunRecord Run, RunHistory History)
{
    /// <summary>A short label: the first 12 characters of the id, the algorithm and the seed.</summary>
    public string Label => $"{Run.Id[..Math.Min(12, Run.Id.Length)]} {Run.Description.Algorithm.Id} s{Run.Description.Seed}";

    /// <summary>Best-so-far minus the known optimum when the problem has one, else best-so-far itself.</summary>
    public double Gap(int i) => History.Best[i] - (Run.Description.KnownOptimum ?? 0);

    public bool HasKnownOptimum => Run.Description.KnownOptimum is not null;

    /// <summary>The x value of history row <paramref name="i"/> on an axis.</summary>
    public double X(CompareAxis axis, int i) => axis switch
    {
        CompareAxis.Iterations => History.Iteration[i],
        CompareAxis.Time => History.Elapsed[i],
        _ => History.Evaluations[i],
    };
}

/// <summary>What the x axis of a comparison counts.</summary>
public enum CompareAxis
{
    Evaluations,
    Iterations,
    Time,
}

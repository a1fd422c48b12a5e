using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;

namespace Workbench.Engine.Running;

/// <summary>Everything known about a run when it starts: enough to store it and to repeat it exactly.</summary>
public sealed record RunDescription
{
    public required string RunId { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required ComponentUse Algorithm { get; init; }

    public required ComponentUse Problem { get; init; }

    public required ulong Seed { get; init; }

    public required int Dimension { get; init; }

    public required double[] Lower { get; init; }

    public required double[] Upper { get; init; }

    /// <summary>True when the user overrode the problem's default domain (so a repeat command needs --bounds).</summary>
    public bool BoundsOverridden { get; init; }

    public required StopCriteria Stop { get; init; }

    public required string Evaluator { get; init; }

    public required int Workers { get; init; }

    public required string Device { get; init; }

    public NonFinitePolicy NonFinitePolicy { get; init; }

    /// <summary>Island settings when the run uses the island model, else null.</summary>
    public IslandSettings? Islands { get; init; }

    /// <summary>With more than one island: true when they exchange migrants, false when the optimiser has no
    /// migration support and the islands run independently; null for a single population.</summary>
    public bool? IslandsMigrate { get; init; }

    public required IReadOnlyList<string> ExtraNames { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>The known optimum value of the problem, if any (for "distance to optimum" views).</summary>
    public double? KnownOptimum { get; init; }
}

/// <summary>A plugin component as used by one run: its id, where it came from, and its complete options.</summary>
public sealed record ComponentUse(string Id, ComponentOrigin Origin, IReadOnlyDictionary<string, string> Options);

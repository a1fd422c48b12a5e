using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench;

/// <summary>Everything about an <see cref="Optimize"/> call except the objective, its bounds and the algorithm.
/// All optional; with no stopping criterion a run gets 10,000 × dimension evaluations, as <c>wb run</c> does.</summary>
public sealed record OptimizeOptions
{
    /// <summary>The run's seed; null draws a fresh one, reported in <see cref="OptimizationResult.Seed"/>.</summary>
    public ulong? Seed { get; init; }

    public long? MaxEvaluations { get; init; }

    public long? MaxIterations { get; init; }

    /// <summary>Stop once the best value reaches this (at or below it when minimising, at or above when maximising).</summary>
    public double? Target { get; init; }

    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Stop after this many iterations without improvement.</summary>
    public int? StagnationIterations { get; init; }

    /// <summary>CPU threads for evaluation (and for islands' own work). Used for the objective only when
    /// <see cref="ObjectiveIsThreadSafe"/> is set.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Declares that the objective may run on several threads at once. Off by default: a lambda that
    /// captures mutable state (a counter, a list, a shared buffer) would silently race, and a wrong result is
    /// worse than a slow one. Set it for pure functions to use every core.</summary>
    public bool ObjectiveIsThreadSafe { get; init; }

    /// <summary>Algorithm options as in <c>wb run --option name=value</c> (see <c>wb describe ALGORITHM</c>).</summary>
    public IReadOnlyDictionary<string, string> AlgorithmOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>The island model, or null for a single population.</summary>
    public IslandSettings? Islands { get; init; }

    /// <summary>Receive the run's events (a store, a live plot). They see the minimised fitness: for
    /// <see cref="Optimize.Maximize(Func{double[], double}, double, double, int, string, OptimizeOptions?)"/>
    /// that is the negated objective.</summary>
    public IReadOnlyList<IRunObserver> Observers { get; init; } = [];

    /// <summary>Where algorithms come from; null means the built-in plugins (and ./plugins).</summary>
    public IComponentCatalog? Catalog { get; init; }

    public NonFinitePolicy NonFinite { get; init; } = NonFinitePolicy.Error;

    public string? Name { get; init; }

    /// <summary>Peers (<c>wb serve</c>) that share the evaluations, as <c>HOST:PORT</c>; empty for this machine
    /// alone. The objective travels to them as code: it must be a static method or a lambda that captures nothing
    /// (captured state cannot follow it; a capturing lambda is refused with a <c>FunctionNotPortableException</c>).
    /// Results are the same as without peers.</summary>
    public IReadOnlyList<string> Peers { get; init; } = [];

    /// <summary>The cluster key file; null finds it as <c>wb</c> does (<c>WORKBENCH_KEY_FILE</c>, then the default path).</summary>
    public string? KeyFile { get; init; }

    /// <summary>With peers: whether this machine's cores evaluate too.</summary>
    public bool UseLocal { get; init; } = true;

    /// <summary>With peers: go on locally (the default) or fail when every peer is lost.</summary>
    public PeerLossPolicy OnPeerLoss { get; init; } = PeerLossPolicy.Continue;

    /// <summary>With peers and <see cref="Islands"/>: each island on a slot of its own (the default; they talk only at
    /// migration) or every generation's points spread over all slots. The results are the same.</summary>
    public Distribution Distribute { get; init; } = new EvaluationSettings().Distribute;

    /// <summary>A copy with these algorithm options added (later pairs win).</summary>
    public OptimizeOptions WithOptions(params (string Name, string Value)[] options)
    {
        var merged = new Dictionary<string, string>(AlgorithmOptions, StringComparer.Ordinal);
        foreach (var (name, value) in options)
        {
            merged[name] = value;
        }

        return this with { AlgorithmOptions = merged };
    }
}

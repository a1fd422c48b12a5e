using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Workbench.Engine.Tasks;
using Workbench.Plugins;
using Workbench.Tui.Runs;

namespace Workbench.Tui;

/// <summary>What the composition root hands the terminal UI: the same catalog, evaluators and recording observers
/// the CLI uses, so a run started here is planned, evaluated and stored exactly like <c>wb run</c>.</summary>
public sealed record TuiServices
{
    /// <summary>The watched plugin catalog (its Changed event drives the Plugins and Run screens).</summary>
    public required PluginCatalog Catalog { get; init; }

    public required IEvaluatorProvider Evaluators { get; init; }

    /// <summary>Observers that record a run (the run store); called once per run with its description.</summary>
    public Func<RunDescription, IEnumerable<IRunObserver>> Recorders { get; init; } = _ => [];

    /// <summary>The stored runs, or null when this build has no run store (the Runs screen then says so).</summary>
    public IRunBrowser? Runs { get; init; }

    /// <summary>Parallel task factories (Monte Carlo pi, heat equation), or null when none are wired.</summary>
    public ITaskCatalog? Tasks { get; init; }

    /// <summary>Opens a task runtime over the peers named (as typed: addresses, @FILE...); the runtime is disposed
    /// after the task. Null when this build has no transport.</summary>
    public Func<IReadOnlyList<string>, ITaskRuntime>? TasksOnPeers { get; init; }

    /// <summary>The cluster (peers, and sharing this machine's cores), or null when this build has no transport.</summary>
    public Engine.Cluster.IClusterService? Cluster { get; init; }

    /// <summary>Terminal.Gui driver name, or null for the platform default.</summary>
    public string? Driver { get; init; }
}

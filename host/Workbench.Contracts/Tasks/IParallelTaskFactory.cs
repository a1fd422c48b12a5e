using Workbench.Contracts.Options;

namespace Workbench.Contracts.Tasks;

/// <summary>Describes a parallel task and creates its pieces from specs: (id, options, seed) recreates the same
/// layout anywhere. Plugins expose one as a public non-abstract type with a parameterless constructor; the plugin
/// catalog discovers it like problem and optimiser factories.</summary>
/// <remarks>Stateless: every member depends only on its arguments, so the client can plan and combine while the
/// nodes run elsewhere. By convention the schema has a <c>nodes</c> option (the node count K).</remarks>
public interface IParallelTaskFactory
{
    /// <summary>Stable, lower-case id such as <c>pi</c>.</summary>
    string Id { get; }

    string Description { get; }

    OptionSchema Options { get; }

    /// <summary>Splits the work over the nodes: per-node arguments and the tube topology.</summary>
    /// <exception cref="OptionException">The options do not make a valid task (for example an unstable time step).</exception>
    TaskLayout Plan(OptionValues options, ulong seed);

    /// <summary>A fresh, uninitialised node; called once per node.</summary>
    IParallelTask CreateNode();

    /// <summary>Combines the node results, given in node order, into the task's result.</summary>
    TaskResult Combine(OptionValues options, IReadOnlyList<TaskValue> nodeResults);
}

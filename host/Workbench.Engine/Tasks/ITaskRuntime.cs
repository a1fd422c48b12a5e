using Workbench.Contracts.Tasks;
using Workbench.Engine.Specs;

namespace Workbench.Engine.Tasks;

/// <summary>Maps the nodes of a task to execution slots and runs them: threads of this process
/// (<see cref="LocalTaskRuntime"/>), or peer machines over a network transport later. Task code is the same.</summary>
public interface ITaskRuntime
{
    /// <summary>Runs every node to completion and returns their results in node order; the caller's thread is not
    /// held while the nodes run (they run on threads of their own, or on peers).</summary>
    /// <exception cref="RunSetupException">The layout is invalid (topology, missing node).</exception>
    /// <exception cref="ParallelTaskException">A node failed (the others were cancelled), or the run timed out.</exception>
    /// <exception cref="TaskDeadlockException">Every running node waited on an empty tube.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TaskExecution> ExecuteAsync(TaskJob job, ITaskObserver? observer, CancellationToken cancellationToken);
}

/// <summary>One run of a task: the factory, the planned layout and the run seed.</summary>
public sealed record TaskJob(IParallelTaskFactory Factory, TaskLayout Layout, ulong Seed)
{
    public string TaskId => Factory.Id;

    /// <summary>The factory as data (plugin, folder hash, options), from which a peer rebuilds the nodes with its
    /// own copy of the plugin; null when the factory is not known to come from a plugin folder.</summary>
    public ComponentSpec? Spec { get; init; }
}

/// <summary>The node results in node order and what each node did.</summary>
public sealed record TaskExecution(IReadOnlyList<TaskValue> Results, IReadOnlyList<NodeStatistics> Nodes, TimeSpan Elapsed);

/// <summary>How the local runtime runs a task.</summary>
public sealed record TaskRunSettings
{
    /// <summary>Wall-clock limit for the whole run; null for none (deadlocks are still detected exactly).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Minimum time between two progress reports of one node reaching the observer.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long to wait, after a timeout cancelled the nodes, for their threads to return.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(5);
}

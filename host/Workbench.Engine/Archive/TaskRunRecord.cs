using Workbench.Engine.Catalog;
using Workbench.Engine.Running;

namespace Workbench.Engine.Archive;

/// <summary>A stored parallel-task run: what was asked (task, plugin build, options, seed, nodes), how it ended, its
/// result's fingerprint and figures, and what each node did (a task's history is per node, not per iteration).</summary>
/// <remarks>Kept apart from <see cref="RunRecord"/>: a task has no optimiser, dimension or convergence history, and
/// optimisation-run listings and comparisons must not meet task runs.</remarks>
public sealed record TaskRunRecord
{
    /// <summary>A time-ordered Guid v7 as 32 hex digits, like run ids.</summary>
    public required string Id { get; init; }

    public required string TaskId { get; init; }

    /// <summary>The plugin build the task came from.</summary>
    public required ComponentOrigin Origin { get; init; }

    /// <summary>Canonical text of every option value, defaults included.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Nodes the task ran on (while running, the nodes asked for; 0 when the task fixes it at planning).</summary>
    public required int NodeCount { get; init; }

    public required MachineInfo Machine { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public required RunStatus Status { get; init; }

    public string? Error { get; init; }

    public double WallSeconds { get; init; }

    /// <summary>Null unless the task completed.</summary>
    public TaskResultRecord? Result { get; init; }

    /// <summary>One entry per node that finished, in node order (a failed run keeps those it has).</summary>
    public IReadOnlyList<TaskNodeRecord> Nodes { get; init; } = [];

    /// <summary>The process that wrote the record, to tell a live task from one whose process died.</summary>
    public required int OwnerPid { get; init; }

    public required string OwnerHost { get; init; }
}

/// <summary>A completed task's result without its value: kind, shape, length, the value itself only when it is a
/// scalar (<see cref="Text"/> exactly as printed, <see cref="Scalar"/> when numeric), its SHA-256 and its metrics.</summary>
public sealed record TaskResultRecord(
    string Kind, IReadOnlyList<int> Shape, int? Length, string? Text, double? Scalar, string Sha256, IReadOnlyList<TaskMetricRecord> Metrics);

public sealed record TaskMetricRecord(string Name, double Value, string Unit);

/// <summary>What one node did: wall and tube seconds, values pushed and popped, and whether it returned a result.</summary>
public sealed record TaskNodeRecord(int Node, double Seconds, double TubeSeconds, long Pushed, long Popped, bool Succeeded);

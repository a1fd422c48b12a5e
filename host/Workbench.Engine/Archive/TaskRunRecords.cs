using System.Globalization;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Catalog;
using Workbench.Engine.Running;
using Workbench.Engine.Tasks;

namespace Workbench.Engine.Archive;

/// <summary>Builds the records of one task run's life: running when it starts, then completed or failed.</summary>
public static class TaskRunRecords
{
    /// <param name="options">The parsed options' canonical text (see <see cref="TaskRunner.Parse"/>).</param>
    /// <param name="nodeCount">The nodes asked for, or 0 when the task decides at planning.</param>
    public static TaskRunRecord Start(Registered<IParallelTaskFactory> task, IReadOnlyDictionary<string, string> options, ulong seed,
        int nodeCount, DateTimeOffset startedAt) => new()
    {
        Id = Guid.CreateVersion7(startedAt).ToString("N"),
        TaskId = task.Factory.Id,
        Origin = task.Origin,
        Options = options,
        Seed = seed,
        NodeCount = nodeCount,
        Machine = MachineInfo.Current,
        StartedAt = startedAt,
        Status = RunStatus.Running,
        OwnerPid = Environment.ProcessId,
        OwnerHost = Environment.MachineName,
    };

    /// <summary>The node count a set of parsed options asks for, or 0 when the task has no <c>nodes</c> option.</summary>
    public static int RequestedNodes(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue("nodes", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : 0;

    public static TaskRunRecord Complete(TaskRunRecord started, TaskRunResult result, DateTimeOffset endedAt) => started with
    {
        Options = result.Options,
        NodeCount = result.NodeCount,
        Status = RunStatus.Completed,
        EndedAt = endedAt,
        WallSeconds = result.Elapsed.TotalSeconds,
        Result = Summarise(result),
        Nodes = result.Nodes.Select(Node).ToArray(),
    };

    /// <param name="nodes">The nodes that finished before the failure (a collecting observer's list).</param>
    public static TaskRunRecord Fail(TaskRunRecord started, string error, IEnumerable<NodeStatistics> nodes, DateTimeOffset endedAt)
    {
        var finished = nodes.OrderBy(n => n.Node).Select(Node).ToArray();
        return started with
        {
            NodeCount = Math.Max(started.NodeCount, finished.Length == 0 ? 0 : finished[^1].Node + 1),
            Status = RunStatus.Failed,
            Error = error,
            EndedAt = endedAt,
            WallSeconds = (endedAt - started.StartedAt).TotalSeconds,
            Nodes = finished,
        };
    }

    /// <summary>Stopped by the user (a signal): recorded as interrupted, with the nodes that had finished.</summary>
    public static TaskRunRecord Interrupt(TaskRunRecord started, IEnumerable<NodeStatistics> nodes, DateTimeOffset endedAt) =>
        Fail(started, "cancelled", nodes, endedAt) with { Status = RunStatus.Interrupted };

    public static TaskNodeRecord Node(NodeStatistics n) =>
        new(n.Node, n.Elapsed.TotalSeconds, n.TubeTime.TotalSeconds, n.Pushed, n.Popped, n.Succeeded);

    private static TaskResultRecord Summarise(TaskRunResult result)
    {
        var value = result.Result.Value;
        double? scalar = value.Kind switch
        {
            TaskValueKind.Real => value.AsReal(),
            TaskValueKind.Integer => value.AsInteger(),
            TaskValueKind.Boolean => value.AsBoolean() ? 1 : 0,
            _ => null,
        };
        return new TaskResultRecord(
            value.Kind.ToString(), result.Result.Shape.ToArray(), value.IsArray ? value.Length : null, value.IsArray ? null : value.ToString(),
            scalar, result.Sha256, result.Result.Metrics.Select(m => new TaskMetricRecord(m.Name, m.Value, m.Unit)).ToArray());
    }
}

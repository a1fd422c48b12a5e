using Workbench.Engine.Archive;

namespace Workbench.Cli.Output;

/// <summary>Stored task runs as JSON objects for <c>wb task runs --json</c> and <c>wb task show --json</c>.</summary>
internal static class TaskRunJson
{
    public static object Summary(TaskRunRecord t) => new
    {
        taskRunId = t.Id,
        taskId = t.TaskId,
        status = t.Status,
        nodes = t.NodeCount,
        seed = t.Seed,
        startedAt = t.StartedAt,
        endedAt = t.EndedAt,
        wallSeconds = t.WallSeconds,
        resultKind = t.Result?.Kind,
        value = t.Result?.Text,
        sha256 = t.Result?.Sha256,
        error = t.Error,
    };

    public static object Detail(TaskRunRecord t) => new
    {
        taskRunId = t.Id,
        taskId = t.TaskId,
        status = t.Status,
        error = t.Error,
        plugin = new { id = t.Origin.PluginId, version = t.Origin.PluginVersion, sha256 = t.Origin.AssemblySha256, folder = t.Origin.Folder },
        options = t.Options,
        seed = t.Seed,
        nodes = t.NodeCount,
        machine = t.Machine,
        startedAt = t.StartedAt,
        endedAt = t.EndedAt,
        wallSeconds = t.WallSeconds,
        result = t.Result is { } r ? new
        {
            kind = r.Kind,
            value = r.Text,
            scalar = r.Scalar,
            length = r.Length,
            shape = r.Shape,
            metrics = r.Metrics.Select(m => new { name = m.Name, value = m.Value, unit = m.Unit }),
        } : null,
        sha256 = t.Result?.Sha256,
        perNode = t.Nodes.Select(n => new
        {
            node = n.Node, seconds = n.Seconds, tubeSeconds = n.TubeSeconds, pushed = n.Pushed, popped = n.Popped, succeeded = n.Succeeded,
        }),
        ownerPid = t.OwnerPid,
        ownerHost = t.OwnerHost,
        repeat = RepeatCommand.For(t),
    };

    /// <summary>A task run whose document failed its checks: its id and the problem, no values that could be garbage.</summary>
    public static object Damaged(Workbench.Storage.DamagedRun d) => new { taskRunId = d.Id, status = "damaged", error = d.Problem };
}

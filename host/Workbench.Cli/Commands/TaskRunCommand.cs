using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Engine;
using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Running;
using Workbench.Engine.Tasks;
using Workbench.Transport.Client;
using Workbench.Transport.Tasks;

namespace Workbench.Cli.Commands;

/// <summary><c>wb task run --task ID --nodes K</c>: runs a parallel task and records it (unless <c>--no-record</c>).</summary>
internal static class TaskRunCommand
{
    public static Command Create()
    {
        var task = new Option<string>("--task", "-t") { Description = "Task id (see wb task list)", Required = true };
        var nodes = new Option<int?>("--nodes", "-n") { Description = "Number of nodes K (overrides the task's nodes option)" };
        var options = new Option<string[]>("--option", "-o") { Description = "Task option name=value (repeatable)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed; a fresh one is drawn and printed when absent" };
        var timeout = CheckedOptions.Seconds("--timeout", "Fail the task after this many seconds (a deadlock is detected without it)");
        var json = CommonOptions.Json("Print exactly one JSON object with the result on stdout");
        var command = new Command("run", "Run a parallel task on K nodes: threads of this machine, or the slots of --peers")
        {
            task, nodes, options, seed, timeout, json, StoreOptions.RunDatabase, StoreOptions.NoRecord, CheckedOptions.MaxMemory, ClusterOptions.Peers,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = WorkbenchHost.Open(parse);
            var registered = host.Catalog.Task(parse.GetValue(task)!);
            var runSeed = parse.GetValue(seed) ?? RunDefaults.FreshSeed();
            var text = RunOptions.KeyValues(parse.GetValue(options), "--option");
            // A bad option is a usage error found before the store is opened: nothing is recorded for it.
            var maxMemory = parse.GetValue(CheckedOptions.MaxMemory);
            var canonical = TaskRunner.Parse(registered.Factory, text, parse.GetValue(nodes), maxMemory).ToText();
            // Peers are probed before anything is recorded: a bad address or key file is a usage error.
            var peers = ClusterOptions.PeerTexts(parse);
            using var cluster = peers.Count > 0 ? PeerCluster.Open(peers, () => ClusterOptions.Credentials(parse)) : null;
            // Before the store is opened: from then on a signal stops the task gracefully and records it.
            using var signals = TerminationSignals.Listen(cancellationToken);
            using var recording = TaskRecording.Open(parse);
            var started = TaskRunRecords.Start(registered, canonical, runSeed, TaskRunRecords.RequestedNodes(canonical), DateTimeOffset.UtcNow);
            recording.Started(started);
            var settings = new TaskRunSettings { Timeout = parse.GetValue(timeout) is double s ? TimeSpan.FromSeconds(s) : null };
            var progress = Console.IsErrorRedirected ? null : new NodeProgressLine(Console.Error);
            var log = new NodeStatisticsLog(progress);
            TaskRunResult result;
            try
            {
                ITaskRuntime runtime = cluster is null
                    ? new LocalTaskRuntime(settings)
                    : new PeerTaskRuntime(cluster, new PluginShipper(host.Catalog), new PeerTaskSettings { Timeout = settings.Timeout });
                result = await new TaskRunner(runtime, maxMemory).RunAsync(registered, text, runSeed, parse.GetValue(nodes), log, signals.Token);
            }
            catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
            {
                progress?.Clear();
                recording.Finished(TaskRunRecords.Interrupt(started, log.Finished, DateTimeOffset.UtcNow));
                Console.Error.WriteLine(recording.Records ? $"wb: task cancelled; recorded as interrupted task run {started.Id}" : "wb: task cancelled");
                return signals.ExitCode;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                progress?.Clear();
                recording.Finished(TaskRunRecords.Fail(started, ex.Message, log.Finished, DateTimeOffset.UtcNow));
                if (ex is not (ParallelTaskException or TaskDeadlockException))
                {
                    throw; // setup and plugin errors keep their exit codes (2 and 1)
                }

                Console.Error.WriteLine($"wb: {ex.Message}");
                if (recording.Records)
                {
                    Console.Error.WriteLine($"wb: recorded as failed task run {started.Id}");
                }

                return ExitCodes.Failed;
            }

            progress?.Clear();
            recording.Finished(TaskRunRecords.Complete(started, result, DateTimeOffset.UtcNow));
            var id = recording.Records ? started.Id : null;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(ToJson(id, result));
            }
            else
            {
                Console.Out.Write(ToText(id, result));
            }

            return ExitCodes.Ok;
        });
        return TerminationSignals.HandledBy(command);
    }

    private static object ToJson(string? id, TaskRunResult r) => new
    {
        taskRunId = id,
        taskId = r.TaskId,
        nodes = r.NodeCount,
        seed = r.Seed,
        wallSeconds = r.Elapsed.TotalSeconds,
        options = r.Options,
        result = new
        {
            kind = r.Result.Value.Kind.ToString(),
            value = r.Result.Value.IsArray ? null : r.Result.Value.ToString(),
            length = r.Result.Value.IsArray ? r.Result.Value.Length : (int?)null,
            shape = r.Result.Shape,
            metrics = r.Result.Metrics.ToDictionary(m => m.Name, m => m.Value),
        },
        sha256 = r.Sha256,
        perNode = r.Nodes.Select(n => new { node = n.Node, seconds = n.Elapsed.TotalSeconds, tubeShare = n.TubeShare, pushed = n.Pushed, popped = n.Popped }),
    };

    private static string ToText(string? id, TaskRunResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"task {r.TaskId} on {r.NodeCount} nodes, seed {r.Seed}: {r.Elapsed.TotalSeconds:F3} s"),
            $"result: {r.Result.Value}{(r.Result.Shape.Count > 0 ? " shape [" + string.Join("x", r.Result.Shape) + "]" : "")}",
            $"sha256: {r.Sha256}",
        };
        lines.AddRange(r.Result.Metrics.Select(m => string.Create(c, $"  {m.Name}: {m.Value:G10}{(m.Unit.Length > 0 ? " " + m.Unit : "")}")));
        lines.AddRange(r.Nodes.Select(n => string.Create(c, $"  node {n.Node}: {n.Elapsed.TotalSeconds:F3} s, {n.TubeShare:P1} in tubes, {n.Pushed} pushed, {n.Popped} popped")));
        lines.Add(id is null ? "not recorded (--no-record)" : $"recorded as task run {id} (wb task show {id[..12]})");
        return string.Join('\n', lines) + "\n";
    }
}

using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;

namespace Workbench.Cli.Commands;

/// <summary><c>wb task list</c> and <c>wb task run --task ID --nodes K</c>.</summary>
internal static class TaskCommand
{
    public static Command Create() => new("task", "Parallel tasks whose nodes talk through tubes (Monte Carlo pi, heat equation, ...)")
    {
        List(),
        Run(),
    };

    private static Command List()
    {
        var json = CommonOptions.Json("Print a JSON array");
        var command = new Command("list", "List the parallel tasks of every loaded plugin") { json };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var tasks = host.Catalog.Tasks;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(tasks.Select(t => new
                {
                    id = t.Factory.Id,
                    plugin = t.Origin.PluginId,
                    version = t.Origin.PluginVersion,
                    description = t.Factory.Description,
                    options = t.Factory.Options.Descriptors.Select(d => new { name = d.Name, @default = d.DefaultText, allowed = d.AllowedText, help = d.Help }),
                }));
                return ExitCodes.Ok;
            }

            var table = new TextTable("TASK", "PLUGIN", "OPTIONS", "DESCRIPTION");
            foreach (var t in tasks)
            {
                table.Add(t.Factory.Id, t.Origin.PluginId, string.Join(" ", t.Factory.Options.Descriptors.Select(d => $"{d.Name}={d.DefaultText}")), t.Factory.Description);
            }

            Console.Out.Write(tasks.Count == 0 ? "No parallel tasks are loaded.\n" : table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Run()
    {
        var task = new Option<string>("--task", "-t") { Description = "Task id (see wb task list)", Required = true };
        var nodes = new Option<int?>("--nodes", "-n") { Description = "Number of nodes K (overrides the task's nodes option)" };
        var options = new Option<string[]>("--option", "-o") { Description = "Task option name=value (repeatable)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed; a fresh one is drawn and printed when absent" };
        var timeout = new Option<double?>("--timeout") { Description = "Fail the task after this many seconds (a deadlock is detected without it)" };
        var json = CommonOptions.Json("Print exactly one JSON object with the result on stdout");
        var command = new Command("run", "Run a parallel task on K local nodes") { task, nodes, options, seed, timeout, json };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var factory = host.Catalog.Task(parse.GetValue(task)!).Factory;
            var runSeed = parse.GetValue(seed) ?? RunOptions.FreshSeed();
            var settings = new TaskRunSettings { Timeout = parse.GetValue(timeout) is double s ? TimeSpan.FromSeconds(s) : null };
            var progress = Console.IsErrorRedirected ? null : new NodeProgressLine(Console.Error);
            try
            {
                var result = new TaskRunner(new LocalTaskRuntime(settings)).Run(
                    factory, RunOptions.KeyValues(parse.GetValue(options), "--option"), runSeed, parse.GetValue(nodes), progress);
                progress?.Clear();
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(ToJson(result));
                }
                else
                {
                    Console.Out.Write(ToText(result));
                }

                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is ParallelTaskException or TaskDeadlockException)
            {
                progress?.Clear();
                Console.Error.WriteLine($"wb: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static object ToJson(TaskRunResult r) => new
    {
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

    private static string ToText(TaskRunResult r)
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
        return string.Join('\n', lines) + "\n";
    }
}

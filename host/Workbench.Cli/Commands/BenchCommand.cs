using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Engine.Benchmarking;
using Workbench.Engine.Tasks;
using Workbench.Transport.Client;
using Workbench.Transport.Tasks;

namespace Workbench.Cli.Commands;

/// <summary><c>wb bench ...</c>: speed figures measured as medians of repetitions (never timing assertions in tests).</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure throughput: evaluation, heat stencil, ...")
    {
        Evaluation(),
        Heat(),
        GpuBenchCommand.Create(),
        PeerBenchCommand.Create(),
    };

    private static Command Evaluation()
    {
        var dimension = new Option<int>("--dim") { Description = "Dimension", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Points per batch", DefaultValueFactory = _ => 100_000 };
        var reps = new Option<int>("--reps") { Description = "Repetitions (median reported)", DefaultValueFactory = _ => 7 };
        var problems = new Option<string[]>("--problem", "-p") { Description = "Problem ids (default: every loaded problem)" };
        var json = CommonOptions.Json("Print a JSON array");
        var command = new Command("eval", "Evaluations/s of problems through the plugin path on one core and on all cores, next to a plain C# loop")
        {
            dimension, batch, reps, problems, json,
        };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var wanted = parse.GetValue(problems) ?? [];
            var entries = wanted.Length == 0 ? host.Catalog.Problems : wanted.Select(id => Engine.Catalog.CatalogLookup.Problem(host.Catalog, id)).ToList();
            var rows = new List<EvaluationThroughputRow>();
            foreach (var entry in entries)
            {
                rows.Add(EvaluationBenchmark.Measure(entry, parse.GetValue(dimension), parse.GetValue(batch), parse.GetValue(reps), Environment.ProcessorCount));
                if (!parse.GetValue(json))
                {
                    Console.Error.Write($"\rmeasured {rows.Count}/{entries.Count}");
                }
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(rows);
                return ExitCodes.Ok;
            }

            Console.Error.Write("\r" + new string(' ', 20) + "\r");
            var c = CultureInfo.InvariantCulture;
            var table = new TextTable("PROBLEM", "DIM", "1 CORE evals/s", $"{Environment.ProcessorCount} CORES evals/s", "NO GUARD evals/s", "PLAIN LOOP evals/s", "PLUGIN/PLAIN");
            foreach (var r in rows)
            {
                table.Add(r.Problem, r.Dimension.ToString(c), r.SerialRate.ToString("N0", c), r.MulticoreRate.ToString("N0", c), r.UnguardedRate.ToString("N0", c),
                    r.PlainLoopRate?.ToString("N0", c) ?? "-", r.SerialToPlain?.ToString("F2", c) ?? "-");
            }

            Console.Out.Write(table.ToString());
            Console.Out.WriteLine($"batch {parse.GetValue(batch):N0} points, medians of {parse.GetValue(reps)} repetitions after a warm-up");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Heat()
    {
        var grid = new Option<int>("--grid") { Description = "Grid points per side", DefaultValueFactory = _ => 2000 };
        var steps = new Option<int>("--steps") { Description = "Time steps", DefaultValueFactory = _ => 50 };
        var reps = new Option<int>("--reps") { Description = "Repetitions (median reported)", DefaultValueFactory = _ => 7 };
        var nodes = new Option<int[]>("--nodes") { Description = "Node counts to compare", DefaultValueFactory = _ => [1, 2], AllowMultipleArgumentsPerToken = true };
        var warmUp = CheckedOptions.Seconds("--warm-up",
            $"Seconds the configurations take turns, unmeasured, before the timed repetitions (default {TaskBenchmark.DefaultWarmUp.TotalSeconds:F0})");
        var loopback = new Option<int>("--loopback-peers") { Description = "Also run the task on N peers of one slot each, started in this process on loopback (one node per peer)", DefaultValueFactory = _ => 0 };
        var command = new Command("heat", "Cell updates/s of the heat-equation task on 1..K nodes and of a plain single-threaded loop; on peers too with --peers or --loopback-peers")
        {
            grid, steps, reps, nodes, warmUp, loopback, ClusterOptions.Peers,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = WorkbenchHost.Open(parse);
            var registered = host.Catalog.Task("heat");
            var options = new Dictionary<string, string>
            {
                ["grid"] = parse.GetValue(grid).ToString(CultureInfo.InvariantCulture),
                ["steps"] = parse.GetValue(steps).ToString(CultureInfo.InvariantCulture),
            };
            if (parse.GetValue(loopback) is < 0 or > 64)
            {
                throw new UsageException("--loopback-peers must be in [0, 64]");
            }

            await using var peers = await BenchPeers.OpenAsync(parse, host, parse.GetValue(loopback));
            var runtimes = peers.Cluster is { } cluster
                ? [new TaskBenchmarkRuntime($"{peers.Count} peers x 1 node", peers.Count, new PeerTaskRuntime(cluster, new PluginShipper(host.Catalog), new PeerTaskSettings()))]
                : Array.Empty<TaskBenchmarkRuntime>();
            var report = TaskBenchmark.Run(registered, options, parse.GetValue(nodes) ?? [1, 2], parse.GetValue(reps), runtimes, seed: 1,
                parse.GetValue(warmUp) is double seconds ? TimeSpan.FromSeconds(seconds) : TaskBenchmark.DefaultWarmUp, cancellationToken);
            Console.Out.Write(report.Format());
            return ExitCodes.Ok;
        });
        return command;
    }
}

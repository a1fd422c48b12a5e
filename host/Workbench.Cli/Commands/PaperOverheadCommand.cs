using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Experiments;
using Workbench.Engine.Running;
using Workbench.Gpu;
using Workbench.Reporting;
using Workbench.Transport.Client;
using Workbench.Transport.Evaluation;

namespace Workbench.Cli.Commands;

/// <summary><c>wb experiment paper-overhead</c>: the paper's Fig. 4B for PSO (80 particles, evaluations spread) and
/// the GA (3 islands, one per peer): speed-up of 3 peers × 1 slot over 1 slot against the pause per evaluation.
/// Without --peers, three loopback peers in this process.</summary>
internal static class PaperOverheadCommand
{
    public static Command Create()
    {
        var pauses = new Option<double[]>("--pauses") { Description = "Pauses per evaluation in ms", DefaultValueFactory = _ => [0, 1, 2, 5, 10, 20, 50, 100], AllowMultipleArgumentsPerToken = true };
        var iterations = new Option<int>("--iterations") { Description = "PSO iterations per run (80 evaluations each)", DefaultValueFactory = _ => 3 };
        var algorithms = new Option<string[]>("--algorithms")
        {
            Description = "Lines to measure: pso (80 particles, evaluations spread), ga (3 islands x 100, one island per peer, 60 generations: about 18 s per run at 1 ms on one slot)",
            DefaultValueFactory = _ => ["pso"],
            AllowMultipleArgumentsPerToken = true,
        };
        var gaGenerations = new Option<int>("--ga-generations") { Description = "GA generations per run (300 evaluations each)", DefaultValueFactory = _ => 60 };
        var reps = new Option<int>("--reps") { Description = "Repetitions per pause (medians reported)", DefaultValueFactory = _ => 3 };
        var warmUp = CheckedOptions.Seconds("--warm-up",
            $"Seconds both settings run unmeasured, without pauses, before the first timed run (default {OverheadExperiment.DefaultWarmUp.TotalSeconds:F0})");
        var json = CommonOptions.Json("Print a JSON array, one object per pause");
        var png = new Option<string?>("--png") { Description = "Write the speed-up curve to this PNG" };
        var command = new Command("paper-overhead", "Playdoh Fig. 4B: speed-up of PSO (80 particles) and the GA (3 islands x 100) on 3 peers x 1 slot over 1 slot, against the pause per evaluation")
        {
            pauses, iterations, algorithms, gaGenerations, reps, warmUp, json, png, ClusterOptions.Peers,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(iterations) < 1 || parse.GetValue(gaGenerations) < 1 || parse.GetValue(reps) < 1 || parse.GetValue(pauses)!.Any(p => !(p >= 0 && p <= 60_000)))
            {
                throw new UsageException("--iterations, --ga-generations and --reps must be at least 1, and every pause in [0, 60000] ms");
            }

            var lines = parse.GetValue(algorithms)!.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
            if (lines.Length == 0 || lines.Any(a => a is not ("pso" or "ga")))
            {
                throw new UsageException($"--algorithms '{string.Join(",", lines)}' is invalid: expected pso, ga or both");
            }

            using var host = WorkbenchHost.Open(parse);
            // Without --peers, three loopback peers of one slot in this process (the paper's 3 workers).
            await using var bench = await BenchPeers.OpenAsync(parse, host, loopback: 3);
            var peers = bench.Addresses;
            var evaluators = new PeersEvaluatorProvider(new CpuEvaluatorProvider(), bench.Credentials, host.Catalog,
                warning => Console.Error.WriteLine($"wb: warning: {warning}"));
            var experiment = new OverheadExperiment(new RunPlanner(host.Catalog, evaluators));
            var line = "";
            experiment.PointMeasured += p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{line} pause {p.PauseMs} ms: 1 slot {p.BaselineSeconds:F3} s, {peers.Count} peers {p.DistributedSeconds:F3} s, speed-up {p.Speedup:F2}{(p.SameResult ? "" : "  RESULTS DIFFER")}"));
            var distributed = new EvaluationSettings { Workers = 1, Peers = peers, UseLocal = false, OnPeerLoss = PeerLossPolicy.Fail };
            var results = new List<(string Line, IReadOnlyList<OverheadExperiment.Point> Points)>();
            foreach (var name in lines)
            {
                line = name.ToUpperInvariant();
                var settings = name == "ga"
                    ? OverheadExperiment.Settings.PaperGa(distributed) with { Iterations = parse.GetValue(gaGenerations) }
                    : OverheadExperiment.Settings.PaperPso(distributed) with { Iterations = parse.GetValue(iterations) };
                var points = await experiment.RunAsync(settings with
                {
                    Repetitions = parse.GetValue(reps),
                    PausesMs = parse.GetValue(pauses)!,
                    WarmUp = parse.GetValue(warmUp) is double seconds ? TimeSpan.FromSeconds(seconds) : OverheadExperiment.DefaultWarmUp,
                }, cancellationToken);
                results.Add((line, points));
            }

            Report(parse, json, png, results, peers.Count);
            return results.All(r => r.Points.All(p => p.SameResult)) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static void Report(ParseResult parse, Option<bool> json, Option<string?> png, IReadOnlyList<(string Line, IReadOnlyList<OverheadExperiment.Point> Points)> results, int peers)
    {
        if (parse.GetValue(png) is { } path)
        {
            SpeedupPlot.SavePng(path, $"PSO (80 particles) and GA (3 islands x 100): {peers} peers x 1 slot against 1 slot", "pause per evaluation (ms)",
                results.Select(r => new SpeedupPlot.Series(r.Line, r.Points.Select(p => p.PauseMs).ToArray(), r.Points.Select(p => p.Speedup).ToArray())).ToArray(), peers);
        }

        if (parse.GetValue(json))
        {
            JsonOutput.Write(results.SelectMany(r => r.Points.Select(p => new { algorithm = r.Line.ToLowerInvariant(), p.PauseMs, p.BaselineSeconds, p.DistributedSeconds, p.Speedup, p.SameResult })).ToArray());
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var table = new TextTable("LINE", "PAUSE ms", "1 SLOT s", $"{peers} PEERS s", "SPEED-UP", "SAME RESULT");
        foreach (var (line, points) in results)
        {
            foreach (var p in points)
            {
                table.Add(line, p.PauseMs.ToString(c), p.BaselineSeconds.ToString("F3", c), p.DistributedSeconds.ToString("F3", c), p.Speedup.ToString("F2", c), p.SameResult ? "yes" : "NO");
            }
        }

        Console.Out.Write(table.ToString());
        Console.Out.WriteLine("wall time of each run's loop, medians over the repetitions; 1 slot = this machine, one worker");
    }
}

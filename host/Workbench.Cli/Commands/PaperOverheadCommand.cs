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

/// <summary><c>wb experiment paper-overhead</c>: the paper's Fig. 4B for PSO (80 particles): speed-up of 3 peers ×
/// 1 slot over 1 slot against the pause per evaluation. Without --peers, three loopback peers in this process.</summary>
internal static class PaperOverheadCommand
{
    public static Command Create()
    {
        var pauses = new Option<double[]>("--pauses") { Description = "Pauses per evaluation in ms", DefaultValueFactory = _ => [0, 1, 2, 5, 10, 20, 50, 100], AllowMultipleArgumentsPerToken = true };
        var iterations = new Option<int>("--iterations") { Description = "PSO iterations per run (80 evaluations each)", DefaultValueFactory = _ => 3 };
        var reps = new Option<int>("--reps") { Description = "Repetitions per pause (medians reported)", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json("Print a JSON array, one object per pause");
        var png = new Option<string?>("--png") { Description = "Write the speed-up curve to this PNG" };
        var command = new Command("paper-overhead", "Playdoh Fig. 4B: speed-up of PSO (80 particles) on 3 peers x 1 slot over 1 slot, against the pause per evaluation")
        {
            pauses, iterations, reps, json, png, ClusterOptions.Peers,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(iterations) < 1 || parse.GetValue(reps) < 1 || parse.GetValue(pauses)!.Any(p => !(p >= 0 && p <= 60_000)))
            {
                throw new UsageException("--iterations and --reps must be at least 1, and every pause in [0, 60000] ms");
            }

            using var host = WorkbenchHost.Open(parse);
            var named = ClusterOptions.PeerTexts(parse);
            var local = new List<LocalPeer>();
            try
            {
                ClusterCredentials credentials;
                if (named.Count > 0)
                {
                    credentials = ClusterOptions.Credentials(parse);
                }
                else
                {
                    var key = LocalPeer.EphemeralKey();
                    credentials = new ClusterCredentials(key);
                    for (var i = 0; i < 3; i++)
                    {
                        local.Add(await LocalPeer.StartAsync(host.Catalog, key, 1, $"peer-{i + 1}"));
                    }
                }

                var peers = named.Count > 0 ? named : local.Select(p => p.Address.ToString()).ToArray();
                var evaluators = new PeersEvaluatorProvider(new CpuEvaluatorProvider(), () => credentials, host.Catalog,
                    warning => Console.Error.WriteLine($"wb: warning: {warning}"));
                var experiment = new OverheadExperiment(new RunPlanner(host.Catalog, evaluators));
                experiment.PointMeasured += p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pause {p.PauseMs} ms: 1 slot {p.BaselineSeconds:F3} s, {peers.Count} peers {p.DistributedSeconds:F3} s, speed-up {p.Speedup:F2}{(p.SameResult ? "" : "  RESULTS DIFFER")}"));
                var points = await experiment.RunAsync(new OverheadExperiment.Settings
                {
                    Iterations = parse.GetValue(iterations),
                    Repetitions = parse.GetValue(reps),
                    PausesMs = parse.GetValue(pauses)!,
                    Distributed = new EvaluationSettings { Workers = 1, Peers = peers, UseLocal = false, OnPeerLoss = PeerLossPolicy.Fail },
                }, cancellationToken);
                Report(parse, json, png, points, peers.Count);
                return points.All(p => p.SameResult) ? ExitCodes.Ok : ExitCodes.Failed;
            }
            finally
            {
                foreach (var peer in local)
                {
                    await peer.DisposeAsync();
                }
            }
        });
        return command;
    }

    private static void Report(ParseResult parse, Option<bool> json, Option<string?> png, IReadOnlyList<OverheadExperiment.Point> points, int peers)
    {
        if (parse.GetValue(png) is { } path)
        {
            SpeedupPlot.SavePng(path, $"PSO, 80 particles: {peers} peers x 1 slot against 1 slot", "pause per evaluation (ms)",
                [new SpeedupPlot.Series("PSO", points.Select(p => p.PauseMs).ToArray(), points.Select(p => p.Speedup).ToArray())], peers);
        }

        if (parse.GetValue(json))
        {
            JsonOutput.Write(points);
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var table = new TextTable("PAUSE ms", "1 SLOT s", $"{peers} PEERS s", "SPEED-UP", "SAME RESULT");
        foreach (var p in points)
        {
            table.Add(p.PauseMs.ToString(c), p.BaselineSeconds.ToString("F3", c), p.DistributedSeconds.ToString("F3", c), p.Speedup.ToString("F2", c), p.SameResult ? "yes" : "NO");
        }

        Console.Out.Write(table.ToString());
        Console.Out.WriteLine("wall time of each run's loop, medians over the repetitions; 1 slot = this machine, one worker");
    }
}

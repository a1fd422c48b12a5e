using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Contracts.Jobs;
using Workbench.Engine.Experiments;
using Workbench.Engine.Mapping;
using Workbench.Reporting;
using Workbench.Transport.Client;
using Workbench.Transport.Mapping;

namespace Workbench.Cli.Commands;

/// <summary><c>wb experiment paper-map</c>: the paper's Fig. 4A. 48 jobs that pause 1 s (and, on request, 5 s), and
/// the leaky integrate-and-fire simulation, mapped over 1–4 loopback peers (in this process) with 1–4 slots each;
/// speed-up against the same jobs run one after another. Pauses cost no CPU, so a 2-core machine can measure
/// scheduling over 16 slots; the simulation computes, so it scales with the cores there are.</summary>
internal static class PaperMapCommand
{
    public static Command Create()
    {
        var seconds = new Option<double[]>("--seconds") { Description = "Pause of the sleep jobs (s), one series each", DefaultValueFactory = _ => [1], AllowMultipleArgumentsPerToken = true };
        var jobs = new Option<int>("--jobs") { Description = "Jobs per map", DefaultValueFactory = _ => 48 };
        var configs = new Option<string[]>("--configs") { Description = "PEERSxSLOTS configurations", DefaultValueFactory = _ => ["1x4", "2x4", "3x4", "4x4", "4x1", "4x2", "4x3"], AllowMultipleArgumentsPerToken = true };
        var lif = new Option<bool>("--simulation") { Description = "Add the lif simulation job (its serial time is measured on one local slot first)" };
        var json = CommonOptions.Json("Print a JSON array, one object per configuration");
        var png = new Option<string?>("--png") { Description = "Write the speed-up against the number of slots to this PNG" };
        var command = new Command("paper-map", "Playdoh Fig. 4A: speed-up of a map of 48 independent jobs on 1-4 peers x 1-4 slots")
        {
            seconds, jobs, configs, lif, json, png,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(jobs);
            var shapes = parse.GetValue(configs)!.Select(Shape).ToArray();
            if (count < 1 || parse.GetValue(seconds)!.Any(s => !(s >= 0 && s <= 3600)))
            {
                throw new UsageException("--jobs must be at least 1 and every --seconds in [0, 3600]");
            }

            using var host = WorkbenchHost.Open(parse);
            var key = LocalPeer.EphemeralKey();
            var experiment = new MapScalingExperiment();
            experiment.PointMeasured += p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Job}: {p.Peers} peers x {p.SlotsPerPeer} slots: {p.WallSeconds:F2} s, speed-up {p.Speedup:F2} of {p.Ideal}"));
            var points = new List<MapScalingExperiment.Point>();
            var series = parse.GetValue(seconds)!.Select(s => ($"sleep {s.ToString(CultureInfo.InvariantCulture)} s", Job(host, "sleep", ("seconds", s.ToString("R", CultureInfo.InvariantCulture))), count * s)).ToList();
            if (parse.GetValue(lif))
            {
                var simulation = Job(host, "lif");
                series.Add(("lif simulation", simulation, await MapScalingExperiment.SerialSecondsAsync(simulation, count, cancellationToken)));
            }

            foreach (var (label, job, serial) in series)
            {
                foreach (var (peers, slots) in shapes)
                {
                    points.Add(await MeasureAsync(host, key, experiment, label, job, count, serial, peers, slots, cancellationToken));
                }
            }

            Report(parse, json, png, points);
            return points.All(p => p.Failed == 0) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<MapScalingExperiment.Point> MeasureAsync(WorkbenchHost host, Transport.Security.ClusterKey key, MapScalingExperiment experiment,
        string label, MapJob job, int count, double serial, int peers, int slots, CancellationToken cancellationToken)
    {
        var started = new List<LocalPeer>();
        try
        {
            for (var i = 0; i < peers; i++)
            {
                started.Add(await LocalPeer.StartAsync(host.Catalog, key, slots, $"peer-{i + 1}"));
            }

            var cluster = new PeerCluster(started.Select(p => p.Address), new ClusterCredentials(key));
            await cluster.ProbeAllAsync(cancellationToken);
            using var source = new PeerJobSlots(cluster, new PluginShipper(host.Catalog), local: null);
            // One warm-up map (the peers compile their request path, and receive nothing they lack), then the measured one.
            await new MapScheduler().RunAsync(job, [Contracts.Tasks.TaskValue.FromInteger(0)], source, null, cancellationToken);
            return await experiment.MeasureAsync(label, job, count, serial, peers, slots, source, cancellationToken);
        }
        finally
        {
            foreach (var peer in started)
            {
                await peer.DisposeAsync();
            }
        }
    }

    private static MapJob Job(WorkbenchHost host, string id, params (string Name, string Value)[] options) =>
        MapJob.Resolve(JobLookup.Find(host.Catalog.Components<IJobFactory>(), id), options.ToDictionary(o => o.Name, o => o.Value));

    private static (int Peers, int Slots) Shape(string text)
    {
        var parts = text.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var p) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var s) && p is >= 1 and <= 16 && s is >= 1 and <= 64
            ? (p, s)
            : throw new UsageException($"--configs '{text}' is invalid: expected PEERSxSLOTS, for example 4x4");
    }

    private static void Report(ParseResult parse, Option<bool> json, Option<string?> png, List<MapScalingExperiment.Point> points)
    {
        if (parse.GetValue(png) is { } path)
        {
            var lines = points.GroupBy(p => p.Job).Select(g => new SpeedupPlot.Series(g.Key, g.Select(p => (double)p.Ideal).ToArray(), g.Select(p => p.Speedup).ToArray())).ToArray();
            SpeedupPlot.SavePng(path, "map of independent jobs: speed-up against one slot", "slots (peers x slots per peer)", lines, points.Max(p => p.Ideal));
        }

        if (parse.GetValue(json))
        {
            JsonOutput.Write(points);
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var table = new TextTable("JOB", "PEERS", "SLOTS/PEER", "WALL s", "SERIAL s", "SPEED-UP", "IDEAL");
        foreach (var p in points)
        {
            table.Add(p.Job, p.Peers.ToString(c), p.SlotsPerPeer.ToString(c), p.WallSeconds.ToString("F2", c), p.SerialSeconds.ToString("F1", c), p.Speedup.ToString("F2", c), p.Ideal.ToString(c));
        }

        Console.Out.Write(table.ToString());
        Console.Out.WriteLine("loopback peers in this process; serial = jobs x pause for sleep, measured on one local slot for the simulation");
    }
}

using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Mapping;
using Workbench.Engine.Specs;
using Workbench.Transport.Benchmarking;
using Workbench.Transport.Client;
using Workbench.Transport.Mapping;

namespace Workbench.Cli.Commands;

/// <summary><c>wb bench peers</c>: round trips of signed calls to a peer (a loopback peer in this process unless
/// --peers names one), next to the same calls unsigned, measured in one run.</summary>
internal static class PeerBenchCommand
{
    private const int MapJobs = 100_000;

    public static Command Create()
    {
        var reps = new Option<int>("--reps") { Description = "Calls per figure (median and 90th percentile reported)", DefaultValueFactory = _ => 3000 };
        var warmUp = CheckedOptions.Seconds("--warm-up",
            $"Seconds of calls made before any is measured, so both ends run optimised code (default {PeerBenchmark.DefaultWarmUp.TotalSeconds:F0})");
        var json = CommonOptions.Json("Print a JSON array");
        var command = new Command("peers", "Round trip of an empty call and of a 100-point 5-D batch to a peer, signed and unsigned")
        {
            reps, warmUp, json, ClusterOptions.Peers,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(reps);
            if (count < 1)
            {
                throw new UsageException($"--reps must be at least 1, got {count}");
            }

            var warming = parse.GetValue(warmUp) is double seconds ? TimeSpan.FromSeconds(seconds) : PeerBenchmark.DefaultWarmUp;
            using var host = WorkbenchHost.Open(parse);
            var sphere = new SpecResolver(host.Catalog).Default("sphere", PeerBenchmark.BatchDimension);
            var rows = new List<LatencyFigure>();
            double? mapRate = null;
            var named = PeerList.Resolve(parse.GetValue(ClusterOptions.Peers));
            if (named.Count > 0)
            {
                using var peer = new PeerConnection(named[0], ClusterOptions.Credentials(parse));
                await peer.HelloAsync(cancellationToken);
                rows.AddRange(await PeerBenchmark.RoundTripsAsync([new PeerBenchmark.Target("", peer)], sphere, count, warming, cancellationToken));
            }
            else
            {
                var key = LocalPeer.EphemeralKey();
                await using var signed = await LocalPeer.StartAsync(host.Catalog, key, 1, "bench-signed");
                await using var unsigned = await LocalPeer.StartAsync(host.Catalog, null, 1, "bench-unsigned");
                using var signedPeer = new PeerConnection(signed.Address, new ClusterCredentials(key));
                using var unsignedPeer = new PeerConnection(unsigned.Address, new ClusterCredentials(null));
                await signedPeer.HelloAsync(cancellationToken);
                await unsignedPeer.HelloAsync(cancellationToken);
                rows.AddRange(await PeerBenchmark.RoundTripsAsync([new("signed ", signedPeer), new("unsigned ", unsignedPeer)], sphere, count, warming, cancellationToken));
                await using var second = await LocalPeer.StartAsync(host.Catalog, key, 1, "bench-second");
                mapRate = await MapThroughputAsync(host, [signed.Address, second.Address], new ClusterCredentials(key), cancellationToken);
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { roundTrips = rows, mapZeroJobsPerSecond = mapRate });
                return ExitCodes.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new TextTable("ROUND TRIP", "MEDIAN µs", "P90 µs", "CALLS");
            foreach (var row in rows)
            {
                table.Add(row.What, row.MedianMicroseconds.ToString("F1", c), row.P90Microseconds.ToString("F1", c), row.Calls.ToString(c));
            }

            Console.Out.Write(table.ToString());
            Console.Out.WriteLine((named.Count > 0 ? $"peer {named[0]}" : "loopback peers in this process") + $"; sequential calls in interleaved rounds after {warming.TotalSeconds:F1} s of warm-up calls");
            if (mapRate is double rate)
            {
                Console.Out.WriteLine(string.Create(c, $"map of {MapJobs:N0} zero-work jobs through 2 loopback peers x 1 slot: {rate:N0} jobs/s (median of 3 maps)"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Jobs per second of a map of zero-work jobs (scheduling and the wire, nothing else), median of 3.</summary>
    private static async Task<double> MapThroughputAsync(WorkbenchHost host, PeerAddress[] peers, ClusterCredentials credentials, CancellationToken cancellationToken)
    {
        var job = MapJob.Resolve(JobLookup.Find(host.Catalog.Components<IJobFactory>(), "zero"), new Dictionary<string, string>());
        var inputs = Enumerable.Range(0, MapJobs).Select(i => TaskValue.FromInteger(i)).ToArray();
        var cluster = new PeerCluster(peers, credentials);
        await cluster.ProbeAllAsync(cancellationToken);
        using var slots = new PeerJobSlots(cluster, new PluginShipper(host.Catalog), local: null);
        await new MapScheduler().RunAsync(job, inputs[..1000], slots, null, cancellationToken);
        var rates = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            rates.Add((await new MapScheduler().RunAsync(job, inputs, slots, null, cancellationToken)).JobsPerSecond);
        }

        return Engine.Statistics.Quantiles.Median(rates);
    }
}

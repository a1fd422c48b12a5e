using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Engine.Specs;
using Workbench.Transport.Benchmarking;
using Workbench.Transport.Client;

namespace Workbench.Cli.Commands;

/// <summary><c>wb bench peers</c>: round trips of signed calls to a peer (a loopback peer in this process unless
/// --peers names one), next to the same calls unsigned, measured in one run.</summary>
internal static class PeerBenchCommand
{
    public static Command Create()
    {
        var reps = new Option<int>("--reps") { Description = "Calls per figure (median and 90th percentile reported)", DefaultValueFactory = _ => 3000 };
        var json = CommonOptions.Json("Print a JSON array");
        var command = new Command("peers", "Round trip of an empty call and of a 100-point 5-D batch to a peer, signed and unsigned")
        {
            reps, json, ClusterOptions.Peers,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(reps);
            if (count < 1)
            {
                throw new UsageException($"--reps must be at least 1, got {count}");
            }

            using var host = WorkbenchHost.Open(parse);
            var sphere = new SpecResolver(host.Catalog).Default("sphere", PeerBenchmark.BatchDimension);
            var rows = new List<LatencyFigure>();
            var named = PeerList.Resolve(parse.GetValue(ClusterOptions.Peers));
            if (named.Count > 0)
            {
                using var peer = new PeerConnection(named[0], ClusterOptions.Credentials(parse));
                await peer.HelloAsync(cancellationToken);
                rows.AddRange(await PeerBenchmark.RoundTripsAsync([new PeerBenchmark.Target("", peer)], sphere, count, cancellationToken));
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
                rows.AddRange(await PeerBenchmark.RoundTripsAsync([new("signed ", signedPeer), new("unsigned ", unsignedPeer)], sphere, count, cancellationToken));
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(rows);
                return ExitCodes.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new TextTable("ROUND TRIP", "MEDIAN µs", "P90 µs", "CALLS");
            foreach (var row in rows)
            {
                table.Add(row.What, row.MedianMicroseconds.ToString("F1", c), row.P90Microseconds.ToString("F1", c), row.Calls.ToString(c));
            }

            Console.Out.Write(table.ToString());
            Console.Out.WriteLine((named.Count > 0 ? $"peer {named[0]}" : "loopback peers in this process") + "; sequential calls in interleaved rounds after a warm-up round");
            return ExitCodes.Ok;
        });
        return command;
    }
}

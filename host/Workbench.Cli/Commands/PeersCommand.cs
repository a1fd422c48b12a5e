using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Output;
using Workbench.Transport.Client;
using Workbench.Transport.Security;

namespace Workbench.Cli.Commands;

/// <summary><c>wb peers</c>: every peer of the cluster and its state; <c>wb peers set</c>: change a peer's slots.</summary>
internal static class PeersCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json("Print one JSON array, one object per peer");
        var command = new Command("peers", "Show every peer: reachable or not (and why), name, versions, slots, load, round trip, plugins");
        command.Options.Add(ClusterOptions.Peers);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cluster = Open(parse, PeerList.Resolve(parse.GetValue(ClusterOptions.Peers)));
            await cluster.ProbeAllAsync(cancellationToken);
            await Task.WhenAll(cluster.Up.Select(async peer =>
            {
                try
                {
                    await peer.MeasureRoundTripAsync(cancellationToken);
                }
                catch (PeerUnavailableException e)
                {
                    cluster.MarkLost(e);
                }
            }));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(cluster.Peers.Select(p => ToJson(cluster, p)).ToArray());
            }
            else
            {
                Console.Out.Write(PeerTable.Render(cluster));
            }

            return ExitCodes.Ok;
        });
        command.Subcommands.Add(SetCommand());
        return command;
    }

    private static Command SetCommand()
    {
        var address = new Argument<string>("ADDR") { Description = "The peer, HOST:PORT" };
        var cpus = new Option<int>("--cpus") { Description = "CPU slots the peer shares from now on (running work is never stopped)", Required = true };
        var command = new Command("set", "Change a running peer's shared CPU slots without restarting it");
        command.Arguments.Add(address);
        command.Options.Add(cpus);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var slots = parse.GetValue(cpus);
            if (slots < 0)
            {
                throw new UsageException($"--cpus must be at least 0, got {slots}");
            }

            using var cluster = Open(parse, [Parse(parse.GetValue(address)!)]);
            var peer = cluster.Peers[0];
            try
            {
                var info = await peer.SetSlotsAsync(slots, cancellationToken);
                Console.Out.WriteLine($"{info.Name} ({peer.Address}): {info.CpuSlots} cpu slots shared, {info.CpuBusy} busy");
                return ExitCodes.Ok;
            }
            catch (PeerUnavailableException e)
            {
                Console.Error.WriteLine($"wb: {e.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static PeerCluster Open(ParseResult parse, IReadOnlyList<PeerAddress> peers)
    {
        if (peers.Count == 0)
        {
            throw new UsageException($"no peers named: use --peers HOST:PORT,... or @FILE, or set {PeerList.EnvironmentVariable}");
        }

        try
        {
            return new PeerCluster(peers, ClusterOptions.Credentials(parse));
        }
        catch (KeyFileException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static PeerAddress Parse(string text)
    {
        try
        {
            return PeerAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static object ToJson(PeerCluster cluster, PeerConnection peer)
    {
        var info = peer.Info;
        var state = cluster.StateOf(peer);
        return new
        {
            address = peer.Address.ToString(),
            reachable = state == PeerState.Up,
            state = state.ToString().ToLowerInvariant(),
            reason = cluster.ReasonOf(peer),
            name = info?.Name,
            version = info?.Version,
            contractVersion = info?.ContractVersion,
            cpuSlots = info?.CpuSlots,
            cpuBusy = info?.CpuBusy,
            cpuFree = info is null ? (int?)null : Math.Max(0, info.CpuSlots - info.CpuBusy),
            gpuSlots = info?.GpuSlots,
            taskNodes = info?.Nodes,
            cores = info?.Cores,
            load = info?.Load,
            roundTripMs = peer.RoundTrip?.TotalMilliseconds,
            codeShipping = info?.CodeShipping,
            plugins = info?.Plugins.Select(p => new { id = p.Id, version = p.Version, sha256 = p.FolderSha256, components = p.Components.ToArray() }).ToArray(),
        };
    }
}

/// <summary>The text table of <c>wb peers</c>.</summary>
internal static class PeerTable
{
    public static string Render(PeerCluster cluster)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new TextTable("peer", "state", "name", "version", "cpu free", "nodes", "gpu", "load", "rtt ms", "plugins");
        foreach (var p in cluster.Peers)
        {
            var info = p.Info;
            var up = cluster.StateOf(p) == PeerState.Up;
            table.Add(
                p.Address.ToString(),
                up ? "up" : $"{cluster.StateOf(p).ToString().ToLowerInvariant()}: {cluster.ReasonOf(p)}",
                info?.Name ?? "-",
                info is null ? "-" : $"{info.Version}/c{info.ContractVersion}",
                info is null ? "-" : $"{info.CpuSlots - info.CpuBusy}/{info.CpuSlots}",
                info is null ? "-" : info.Nodes.ToString(c),
                info is null ? "-" : info.GpuSlots.ToString(c),
                info is null || info.Load < 0 ? "-" : info.Load.ToString("F2", c),
                p.RoundTrip is { } rtt && up ? rtt.TotalMilliseconds.ToString("F2", c) : "-",
                info is null ? "-" : string.Join(",", info.Plugins.Select(x => x.Id)));
        }

        return table.ToString();
    }
}

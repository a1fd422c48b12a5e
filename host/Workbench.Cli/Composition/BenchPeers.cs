using System.CommandLine;
using Workbench.Cli.Commands;
using Workbench.Transport.Client;

namespace Workbench.Cli.Composition;

/// <summary>The peers a benchmark measures on: those named with --peers, or N peers of one slot started in this
/// process on loopback (which measures the protocol and its scheduling, not a network); none when neither.</summary>
internal sealed class BenchPeers : IAsyncDisposable
{
    private readonly List<LocalPeer> _loopback;

    private BenchPeers(PeerCluster? cluster, List<LocalPeer> loopback)
    {
        Cluster = cluster;
        _loopback = loopback;
    }

    public PeerCluster? Cluster { get; }

    /// <summary>Peers that answered.</summary>
    public int Count => Cluster?.Up.Count ?? 0;

    public static async Task<BenchPeers> OpenAsync(ParseResult parse, WorkbenchHost host, int loopback)
    {
        var named = ClusterOptions.PeerTexts(parse);
        if (named.Count > 0)
        {
            return new BenchPeers(PeerCluster.Open(named, () => ClusterOptions.Credentials(parse)), []);
        }

        if (loopback == 0)
        {
            return new BenchPeers(null, []);
        }

        var key = LocalPeer.EphemeralKey();
        var peers = new List<LocalPeer>();
        for (var i = 0; i < loopback; i++)
        {
            peers.Add(await LocalPeer.StartAsync(host.Catalog, key, 1, $"loopback-{i + 1}"));
        }

        return new BenchPeers(PeerCluster.Open(peers.Select(p => p.Address.ToString()).ToArray(), () => new ClusterCredentials(key)), peers);
    }

    public async ValueTask DisposeAsync()
    {
        Cluster?.Dispose();
        foreach (var peer in _loopback)
        {
            await peer.DisposeAsync();
        }
    }
}

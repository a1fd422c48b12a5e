using System.CommandLine;
using Workbench.Cli.Commands;
using Workbench.Transport.Client;

namespace Workbench.Cli.Composition;

/// <summary>The peers a benchmark measures on: those named with --peers, or N peers of one slot started in this
/// process on loopback (which measures the protocol and its scheduling, not a network); none when neither.</summary>
internal sealed class BenchPeers : IAsyncDisposable
{
    private readonly List<LocalPeer> _loopback;

    private BenchPeers(PeerCluster? cluster, List<LocalPeer> loopback, IReadOnlyList<string> addresses, Func<ClusterCredentials> credentials)
    {
        Cluster = cluster;
        _loopback = loopback;
        Addresses = addresses;
        Credentials = credentials;
    }

    public PeerCluster? Cluster { get; }

    /// <summary>The peers' addresses as a run names them (empty when there are none).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>The key that talks to them: the user's for named peers, a key of this process for loopback ones.</summary>
    public Func<ClusterCredentials> Credentials { get; }

    /// <summary>Peers that answered.</summary>
    public int Count => Cluster?.Up.Count ?? 0;

    public static async Task<BenchPeers> OpenAsync(ParseResult parse, WorkbenchHost host, int loopback)
    {
        var named = ClusterOptions.PeerTexts(parse);
        if (named.Count > 0)
        {
            Func<ClusterCredentials> credentials = () => ClusterOptions.Credentials(parse);
            return new BenchPeers(PeerCluster.Open(named, credentials), [], named, credentials);
        }

        if (loopback == 0)
        {
            return new BenchPeers(null, [], [], () => ClusterOptions.Credentials(parse));
        }

        var key = LocalPeer.EphemeralKey();
        var peers = new List<LocalPeer>();
        for (var i = 0; i < loopback; i++)
        {
            peers.Add(await LocalPeer.StartAsync(host.Catalog, key, 1, $"loopback-{i + 1}"));
        }

        var addresses = peers.Select(p => p.Address.ToString()).ToArray();
        var own = new ClusterCredentials(key);
        return new BenchPeers(PeerCluster.Open(addresses, () => own), peers, addresses, () => own);
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

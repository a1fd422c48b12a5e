using System.Net;
using Workbench.Peer;
using Workbench.Plugins;
using Workbench.Transport.Client;
using Workbench.Transport.Security;

namespace Workbench.Cli.Composition;

/// <summary>A peer started inside this process on a free loopback port, holding this host's plugins: what
/// `wb bench peers` and the paper experiments measure against when no peers are named.</summary>
internal sealed class LocalPeer : IAsyncDisposable
{
    private readonly PluginShelf _shelf;
    private readonly PeerServer _server;
    private readonly string _cache;

    private LocalPeer(PluginShelf shelf, PeerServer server, string cache)
    {
        _shelf = shelf;
        _server = server;
        _cache = cache;
    }

    /// <summary>Where this process reaches it (loopback, whatever interfaces it listens on).</summary>
    public PeerAddress Address => new("127.0.0.1", _server.Port, Tls: false);

    public static async Task<LocalPeer> StartAsync(PluginCatalog catalog, ClusterKey? key, int slots, string name, IPAddress? address = null, int port = 0)
    {
        var cache = Directory.CreateTempSubdirectory("wb-local-peer-").FullName;
        var shelf = new PluginShelf(catalog, cache);
        var server = PeerServer.Create(new PeerOptions { Name = name, Address = address ?? IPAddress.Loopback, Port = port, CpuSlots = slots, Key = key },
            shelf, Microsoft.Extensions.Logging.LogLevel.Warning);
        try
        {
            await server.StartAsync();
        }
        catch (IOException)
        {
            await server.DisposeAsync();
            shelf.Dispose();
            Directory.Delete(cache, recursive: true);
            throw;
        }

        return new LocalPeer(shelf, server, cache);
    }

    /// <summary>A fresh key that never touches the disk, for peers and clients of this process alone.</summary>
    public static ClusterKey EphemeralKey() => ClusterKey.FromBytes(System.Security.Cryptography.RandomNumberGenerator.GetBytes(ClusterKey.Bytes));

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _shelf.Dispose();
        Directory.Delete(_cache, recursive: true);
    }
}

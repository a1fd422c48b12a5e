using System.Net;
using Workbench.Conformance;
using Workbench.Gpu;
using Workbench.Peer;
using Workbench.Plugins;
using Workbench.Transport.Client;
using Workbench.Transport.Security;

namespace Workbench.Transport.Tests;

/// <summary>A real peer (Kestrel, HTTP/2, the peer service) started inside the test process on a free loopback
/// port, holding the built-in plugins that the built `wb` carries.</summary>
public sealed class InProcessPeer : IAsyncDisposable
{
    private readonly PluginCatalog _catalog;
    private readonly PluginShelf _shelf;
    private readonly PeerServer _server;

    private InProcessPeer(PluginCatalog catalog, PluginShelf shelf, PeerServer server, string cache)
    {
        _catalog = catalog;
        _shelf = shelf;
        _server = server;
        Cache = cache;
    }

    public PeerAddress Address => new("127.0.0.1", _server.Port, Tls: false);

    public string Cache { get; }

    public static async Task<InProcessPeer> StartAsync(ClusterKey? key, int slots = 1, bool codeShipping = true, string name = "test-peer")
    {
        var catalog = new PluginCatalog(new PluginCatalogOptions { Directories = [WbProcess.BuiltInPlugins], Watch = false, SharedTypes = GpuPluginSharing.SharedTypes });
        catalog.Load();
        var cache = Directory.CreateTempSubdirectory("wb-peer-cache-").FullName;
        var shelf = new PluginShelf(catalog, cache);
        var server = PeerServer.Create(new PeerOptions
        {
            Name = name,
            Address = IPAddress.Loopback,
            Port = 0,
            CpuSlots = slots,
            Key = key,
            CodeShipping = codeShipping,
        }, shelf, Microsoft.Extensions.Logging.LogLevel.Warning);
        await server.StartAsync();
        return new InProcessPeer(catalog, shelf, server, cache);
    }

    public static ClusterKey NewKey() => ClusterKey.FromBytes(System.Security.Cryptography.RandomNumberGenerator.GetBytes(ClusterKey.Bytes));

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _shelf.Dispose();
        _catalog.Dispose();
        Directory.Delete(Cache, recursive: true);
    }
}

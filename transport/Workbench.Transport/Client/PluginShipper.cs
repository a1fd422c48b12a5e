using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Workbench.Engine.Specs;
using Workbench.Transport.Functions;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Client;

/// <summary>Sends a plugin folder to a peer that lacks it, once per peer and hash. The peer verifies the hash
/// before it keeps or loads anything.</summary>
public sealed class PluginShipper(IPluginFolderSource folders)
{
    private readonly ConcurrentDictionary<(PeerConnection, string), Task> _shipped = new();

    /// <exception cref="PeerUnavailableException">The peer refuses shipped code (--no-code-shipping) or the folder.</exception>
    public async Task EnsureAsync(PeerConnection peer, Engine.Specs.ComponentSpec component, CancellationToken cancellationToken)
    {
        var function = component.Kind == FunctionBundles.Kind;
        if (!component.IsPortable || (!function && peer.Info?.Plugins.Any(p => p.FolderSha256 == component.FolderSha256) == true))
        {
            return;
        }

        var key = (peer, component.FolderSha256);
        var shipment = _shipped.GetOrAdd(key, _ => ShipAsync(peer, component, cancellationToken));
        try
        {
            await shipment.ConfigureAwait(false);
        }
        catch
        {
            // A failed shipment is not remembered: a later batch tries again (the peer may be back, or fixed).
            _shipped.TryRemove(KeyValuePair.Create(key, shipment));
            throw;
        }
    }

    /// <summary>Forgets a shipment so it is made again (the peer said it lacks the plugin after all).</summary>
    public void Forget(PeerConnection peer, string folderSha256) => _shipped.TryRemove((peer, folderSha256), out _);

    private async Task ShipAsync(PeerConnection peer, Engine.Specs.ComponentSpec component, CancellationToken cancellationToken)
    {
        var function = component.Kind == FunctionBundles.Kind;
        var folder = (function ? FunctionBundles.FolderOf(component.FolderSha256) : folders.FolderOf(component.FolderSha256))
            ?? throw new PeerUnavailableException(peer, $"lacks {component} and this machine has no folder with hash {component.FolderSha256[..12]} to ship", permanent: true);
        var request = new InstallPluginRequest { FolderName = Path.GetFileName(folder), FolderSha256 = component.FolderSha256, Function = function };
        foreach (var (relative, full) in PluginFolderHash.Files(folder))
        {
            request.Files.Add(new PluginFile { Path = relative, Content = ByteString.CopyFrom(await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false)) });
        }

        try
        {
            await peer.Call(c => c.InstallPluginAsync(request, deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (PeerUnavailableException e) when (e.Permanent)
        {
            throw new PeerUnavailableException(peer, $"lacks {component} and {e.Reason}", permanent: true);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument)
        {
            throw new PeerUnavailableException(peer, $"refused the shipped plugin {request.FolderName}: {e.Status.Detail}", permanent: true);
        }
    }
}

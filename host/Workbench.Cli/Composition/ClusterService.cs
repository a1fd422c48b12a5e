using System.Net;
using Microsoft.Extensions.Logging;
using Workbench.Engine.Cluster;
using Workbench.Engine.Diagnostics;
using Workbench.Plugins;
using Workbench.Transport.Client;

namespace Workbench.Cli.Composition;

/// <summary>The cluster for the terminal UI: probes through signed connections, and a peer hosted in this process
/// when the user shares this machine's cores (listening on every interface, on the default port when free).</summary>
internal sealed class ClusterService(PluginCatalog catalog, Func<ClusterCredentials> credentials) : IClusterService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LocalPeer? _shared;

    public string? SharedAddress { get; private set; }

    public async Task<IReadOnlyList<PeerStatus>> ProbeAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var parsed = new List<PeerAddress>();
        var bad = new List<PeerStatus>();
        foreach (var text in addresses)
        {
            try
            {
                parsed.AddRange(PeerList.Parse(text));
            }
            catch (FormatException e)
            {
                bad.Add(Down(text, e.Message));
            }
        }

        if (parsed.Count == 0)
        {
            return bad;
        }

        ClusterCredentials creds;
        try
        {
            creds = credentials();
        }
        catch (Exception e) when (e is Transport.Security.KeyFileException)
        {
            return [.. bad, .. parsed.Select(p => Down(p.ToString(), e.Message))];
        }

        using var cluster = new PeerCluster(parsed, creds);
        await cluster.ProbeAllAsync(cancellationToken).ConfigureAwait(false);
        foreach (var peer in cluster.Up)
        {
            try
            {
                await peer.MeasureRoundTripAsync(cancellationToken, calls: 3).ConfigureAwait(false);
            }
            catch (PeerUnavailableException e)
            {
                cluster.MarkLost(e);
            }
        }

        return [.. bad, .. cluster.Peers.Select(p => Status(cluster, p))];
    }

    public async Task<PeerStatus> SetSlotsAsync(string address, int cpuSlots, CancellationToken cancellationToken)
    {
        PeerAddress parsed;
        try
        {
            parsed = PeerAddress.Parse(address);
        }
        catch (FormatException e)
        {
            return Down(address, e.Message);
        }

        using var cluster = new PeerCluster([parsed], credentials());
        var peer = cluster.Peers[0];
        try
        {
            await peer.SetSlotsAsync(cpuSlots, cancellationToken).ConfigureAwait(false);
            await peer.HelloAsync(cancellationToken).ConfigureAwait(false);
            return Status(PeerState.Up, null, peer);
        }
        catch (PeerUnavailableException e)
        {
            return Status(PeerState.Down, e.Reason, peer);
        }
    }

    public async Task<string?> ShareThisMachineAsync(int cpuSlots, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_shared is not null)
            {
                await _shared.DisposeAsync().ConfigureAwait(false);
                _shared = null;
                SharedAddress = null;
            }

            if (cpuSlots > 0)
            {
                _shared = await StartAsync(cpuSlots).ConfigureAwait(false);
                SharedAddress = $"{Environment.MachineName}:{_shared.Address.Port}";
            }

            return SharedAddress;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>On the default port when it is free, so others can name this machine without a port; else any port.</summary>
    private async Task<LocalPeer> StartAsync(int cpuSlots)
    {
        var key = credentials().Key;
        try
        {
            return await LocalPeer.StartAsync(catalog, key, cpuSlots, Environment.MachineName, IPAddress.Any, Transport.ProtocolHeaders.DefaultPort).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            var logger = WorkbenchLog.For<ClusterService>();
            logger.LogDebug(e, "default port {Port} not free; sharing on any port", Transport.ProtocolHeaders.DefaultPort);
            return await LocalPeer.StartAsync(catalog, key, cpuSlots, Environment.MachineName, IPAddress.Any).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private static PeerStatus Status(PeerCluster cluster, PeerConnection peer) => Status(cluster.StateOf(peer), cluster.ReasonOf(peer), peer);

    private static PeerStatus Status(PeerState state, string? reason, PeerConnection peer)
    {
        var info = peer.Info;
        return new PeerStatus(peer.Address.ToString(), state == PeerState.Up, state == PeerState.Up ? null : reason, info?.Name, info?.Version,
            info?.ContractVersion, info?.CpuSlots, info?.CpuBusy, info?.GpuSlots, info is null || info.Load < 0 ? null : info.Load,
            state == PeerState.Up ? peer.RoundTrip?.TotalMilliseconds : null, info?.Plugins.Select(p => p.Id).ToArray() ?? []);
    }

    private static PeerStatus Down(string address, string reason) => new(address, false, reason, null, null, null, null, null, null, null, null, []);
}

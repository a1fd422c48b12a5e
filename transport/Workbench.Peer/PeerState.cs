using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Workbench.Contracts;
using Workbench.Engine.Diagnostics;
using Workbench.Engine.Specs;
using Workbench.Transport.Protocol;

namespace Workbench.Peer;

/// <summary>What a running peer is: its options, its slots (changeable), whether it drains, the client sessions it
/// has seen (one log line each).</summary>
internal sealed class PeerState(PeerOptions options, IPluginShelf shelf, ILogger<PeerState> log)
{
    private readonly ConcurrentDictionary<string, byte> _sessions = new(StringComparer.Ordinal);
    private volatile bool _draining;
    private int _nodes;

    public PeerOptions Options { get; } = options;

    public SlotGate Slots { get; } = new(options.CpuSlots);

    public bool Draining => _draining;

    /// <summary>Counts a task node as running until the returned handle is disposed.</summary>
    public IDisposable NodeRunning()
    {
        Interlocked.Increment(ref _nodes);
        return new Release(() => Interlocked.Decrement(ref _nodes));
    }

    public void StartDraining()
    {
        _draining = true;
        PeerLog.Draining(log);
    }

    public void SetSlots(int cpuSlots)
    {
        var before = Slots.Capacity;
        Slots.SetCapacity(cpuSlots);
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, cpuSlots + 8), io);
        PeerLog.SlotsChanged(log, before, cpuSlots);
    }

    /// <summary>Logs a client session the first time it calls. The caller's address is read only then: building
    /// its text costs a few microseconds on every round trip otherwise.</summary>
    public void NoteSession(string? session, ServerCallContext caller, string method)
    {
        if (session is not null && _sessions.TryAdd(session, 0))
        {
            PeerLog.Session(log, session, caller.Peer, method[(method.LastIndexOf('/') + 1)..]);
        }
    }

    public PeerInfo Info()
    {
        var info = new PeerInfo
        {
            Name = Options.Name,
            Version = typeof(PeerState).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            ContractVersion = WorkbenchContract.Version,
            CpuSlots = Slots.Capacity,
            GpuSlots = Options.GpuSlots,
            CpuBusy = Slots.Busy,
            Load = LoadAverage(),
            CodeShipping = Options.CodeShipping,
            Cores = Environment.ProcessorCount,
            Draining = _draining,
            Secure = Options.Key is not null,
            Nodes = Volatile.Read(ref _nodes),
        };
        foreach (var plugin in shelf.Plugins)
        {
            var message = new PluginInfo { Id = plugin.Id, Version = plugin.Version, FolderSha256 = plugin.FolderSha256 };
            message.Components.AddRange(plugin.Components);
            info.Plugins.Add(message);
        }

        return info;
    }

    /// <summary>The 1-minute load average where the OS reports one, else -1.</summary>
    private static double LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            var logger = WorkbenchLog.For<PeerState>();
            logger.LogDebug(e, "no load average from /proc/loadavg");
            return -1;
        }
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                release();
            }
        }
    }
}

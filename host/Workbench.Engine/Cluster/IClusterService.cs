namespace Workbench.Engine.Cluster;

/// <summary>The cluster as a front end sees it (the terminal UI's Cluster screen): probe peers, change a peer's
/// shared slots, and share this machine's cores by hosting a peer in this process. The transport implements it;
/// front ends see no gRPC.</summary>
public interface IClusterService
{
    /// <summary>Asks every address at once; an unreachable peer comes back with <see cref="PeerStatus.Reachable"/>
    /// false and the reason, never as an exception. Bad addresses come back the same way.</summary>
    Task<IReadOnlyList<PeerStatus>> ProbeAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken);

    /// <summary>Changes a running peer's shared CPU slots; running work is never stopped.</summary>
    Task<PeerStatus> SetSlotsAsync(string address, int cpuSlots, CancellationToken cancellationToken);

    /// <summary>Shares <paramref name="cpuSlots"/> of this machine's cores with the cluster while this process runs,
    /// by hosting a peer here (0 stops sharing). Returns the address others reach it at, or null when not sharing.</summary>
    Task<string?> ShareThisMachineAsync(int cpuSlots, CancellationToken cancellationToken);

    /// <summary>The address of the peer this process hosts, or null.</summary>
    string? SharedAddress { get; }
}

/// <summary>One peer as last seen: reachable or not (and why), who it is, what it shares, its load and round trip.</summary>
public sealed record PeerStatus(
    string Address,
    bool Reachable,
    string? Reason,
    string? Name,
    string? Version,
    int? ContractVersion,
    int? CpuSlots,
    int? CpuBusy,
    int? GpuSlots,
    double? Load,
    double? RoundTripMs,
    IReadOnlyList<string> Plugins);

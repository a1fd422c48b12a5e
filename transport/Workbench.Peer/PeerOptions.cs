using System.Net;
using Workbench.Transport.Security;

namespace Workbench.Peer;

/// <summary>How a peer is started (<c>wb serve</c>'s options, validated by the CLI).</summary>
public sealed record PeerOptions
{
    public required string Name { get; init; }

    public required IPAddress Address { get; init; }

    /// <summary>0 picks a free port (tests); the port taken is reported by <see cref="PeerServer.Port"/>.</summary>
    public required int Port { get; init; }

    public required int CpuSlots { get; init; }

    public int GpuSlots { get; init; }

    public bool CodeShipping { get; init; } = true;

    /// <summary>Null only with --insecure, which the CLI allows on loopback addresses alone.</summary>
    public ClusterKey? Key { get; init; }

    public string? TlsCertificate { get; init; }

    public string? TlsKey { get; init; }

    /// <summary>How long SIGTERM waits for running chunks before the process exits.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(8);
}

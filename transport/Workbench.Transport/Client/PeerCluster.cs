using Workbench.Transport.Protocol;

namespace Workbench.Transport.Client;

/// <summary>The peers a client works with and what it knows of each: up (answered and takes work), down (lost or
/// not answering; probed again now and then, so a peer that comes back or joins late is used again), or refused
/// (wrong key, other contract: not probed again).</summary>
public sealed class PeerCluster : IDisposable
{
    /// <summary>How often a down peer is probed again, at most.</summary>
    public static readonly TimeSpan ReprobeInterval = TimeSpan.FromSeconds(1);

    private readonly Member[] _members;

    public PeerCluster(IEnumerable<PeerAddress> addresses, ClusterCredentials credentials)
    {
        _members = addresses.Select(a => new Member(new PeerConnection(a, credentials))).ToArray();
    }

    /// <summary>The cluster of peers named as the user gave them (addresses, @FILE, @slurm, dns:), probed once.</summary>
    /// <exception cref="Engine.RunSetupException">An address is malformed or the key file cannot be read.</exception>
    public static PeerCluster Open(IReadOnlyList<string> peers, Func<ClusterCredentials> credentials)
    {
        IReadOnlyList<PeerAddress> addresses;
        ClusterCredentials key;
        try
        {
            addresses = peers.SelectMany(p => p.TrimStart().StartsWith('@') ? PeerList.Parse(p) : [PeerAddress.Parse(p)]).Distinct().ToArray();
            key = credentials();
        }
        catch (FormatException e)
        {
            throw new Engine.RunSetupException("peers", $"peers: {e.Message}", e);
        }
        catch (Security.KeyFileException e)
        {
            throw new Engine.RunSetupException("peers", $"peers: {e.Message}", e);
        }

        var cluster = new PeerCluster(addresses, key);
        cluster.ProbeAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        return cluster;
    }

    public IReadOnlyList<PeerConnection> Peers => _members.Select(m => m.Connection).ToArray();

    /// <summary>Peers that answered and take work, in address order.</summary>
    public IReadOnlyList<PeerConnection> Up => _members.Where(m => m.State == PeerState.Up).Select(m => m.Connection).ToArray();

    /// <summary>The slots the peers that are up share, counted round-robin (every peer's first slot, then every
    /// second slot...), so k whole units of work (islands, task nodes) spread over as many peers as possible.</summary>
    public IReadOnlyList<PeerConnection> SlotsRoundRobin()
    {
        var peers = Up.Where(p => p.Info?.CpuSlots > 0).ToArray();
        var slots = new List<PeerConnection>();
        for (var round = 0; peers.Any(p => p.Info!.CpuSlots > round); round++)
        {
            slots.AddRange(peers.Where(p => p.Info!.CpuSlots > round));
        }

        return slots;
    }

    /// <summary>Every peer and why it takes no work (down, refused, or no slot shared), for one error line.</summary>
    public string Reasons() => string.Join("; ", Peers.Select(p => $"{p.Address}: {ReasonOf(p) ?? "shares no slot"}"));

    public PeerState StateOf(PeerConnection peer) => Find(peer).State;

    /// <summary>Why a peer is down or refused, or null when it is up.</summary>
    public string? ReasonOf(PeerConnection peer) => Find(peer).Reason;

    /// <summary>Probes every peer at once and waits for all answers (or their timeouts).</summary>
    public async Task ProbeAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_members.Select(m => ProbeAsync(m, cancellationToken))).ConfigureAwait(false);

    /// <summary>Starts probes of down peers not probed for a while, without waiting: they take work from the next batch on.</summary>
    public void ReprobeInBackground()
    {
        var now = DateTime.UtcNow;
        foreach (var member in _members)
        {
            if (member.State == PeerState.Down && now - member.LastProbe >= ReprobeInterval && Interlocked.CompareExchange(ref member.Probing, 1, 0) == 0)
            {
                _ = ProbeAsync(member, CancellationToken.None).ContinueWith(_ => Volatile.Write(ref member.Probing, 0), TaskScheduler.Default);
            }
        }
    }

    /// <summary>Records that a peer was lost (its calls failed); it is probed again later unless the loss is permanent.</summary>
    public void MarkLost(PeerUnavailableException loss)
    {
        var member = Find(loss.Peer);
        member.State = loss.Permanent ? PeerState.Refused : PeerState.Down;
        member.Reason = loss.Reason;
        member.LastProbe = DateTime.UtcNow;
    }

    public void Dispose()
    {
        foreach (var member in _members)
        {
            member.Connection.Dispose();
        }
    }

    private async Task ProbeAsync(Member member, CancellationToken cancellationToken)
    {
        member.LastProbe = DateTime.UtcNow;
        try
        {
            PeerInfo info = await member.Connection.HelloAsync(cancellationToken).ConfigureAwait(false);
            member.State = info.Draining ? PeerState.Down : PeerState.Up;
            member.Reason = info.Draining ? "shutting down" : null;
        }
        catch (PeerUnavailableException e)
        {
            member.State = e.Permanent ? PeerState.Refused : PeerState.Down;
            member.Reason = e.Reason;
        }
    }

    private Member Find(PeerConnection peer) => _members.First(m => ReferenceEquals(m.Connection, peer));

    private sealed class Member(PeerConnection connection)
    {
        public PeerConnection Connection { get; } = connection;

        public volatile PeerState State = PeerState.Down;

        public volatile string? Reason = "not probed yet";

        public DateTime LastProbe = DateTime.MinValue;

        public int Probing;
    }
}

public enum PeerState
{
    Up,
    Down,
    Refused,
}

using Grpc.Core;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Islands;

/// <summary>Where one island of a run lives (a peer, or this machine when <see cref="Peer"/> is null), and what
/// it takes to rebuild it anywhere: every step this machine's copy of the island went through.</summary>
internal sealed class IslandHome(int index) : IDisposable
{
    public int Index { get; } = index;

    public PeerConnection? Peer { get; set; }

    /// <summary>Every Tell and migration step of the island since the run started: a new home replays them.</summary>
    public List<IslandStep> Log { get; } = [];

    /// <summary>Migration steps since the current call started, which the next call applies first.</summary>
    public List<IslandStep> Pending { get; } = [];

    /// <summary>Generations this machine's copy of the island has been told.</summary>
    public long Told { get; set; }

    /// <summary>The next call must build the island on its peer (it is new there, or the peer forgot it).</summary>
    public bool NeedsSetup { get; set; } = true;

    public AsyncServerStreamingCall<IslandGeneration>? Call { get; set; }

    /// <summary>Generations of the current call not read yet.</summary>
    public int Remaining { get; set; }

    public long Evaluations { get; set; }

    public long Generations { get; set; }

    public double Seconds { get; set; }

    public string Place => Peer?.Name ?? "local";

    /// <summary>Ends the current call; <see cref="Remaining"/> stays, so a new home runs the rest of its generations.</summary>
    public void EndCall()
    {
        Call?.Dispose();
        Call = null;
    }

    public void Dispose() => EndCall();
}

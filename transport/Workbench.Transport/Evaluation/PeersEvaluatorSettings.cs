using Workbench.Engine.Running;

namespace Workbench.Transport.Evaluation;

/// <summary>How the peers evaluator uses this machine and reacts to losing every peer.</summary>
public sealed record PeersEvaluatorSettings
{
    public bool UseLocal { get; init; } = true;

    /// <summary>Local threads taking chunks (one for a problem that is not thread-safe).</summary>
    public int LocalWorkers { get; init; } = Environment.ProcessorCount;

    public PeerLossPolicy OnPeerLoss { get; init; } = PeerLossPolicy.Continue;

    /// <summary>Receives each warning (a peer lost, running alone) as one line.</summary>
    public Action<string>? Warn { get; init; }
}

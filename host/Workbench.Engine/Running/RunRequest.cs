using Workbench.Engine.Evaluation;

namespace Workbench.Engine.Running;

/// <summary>A run as a user asks for it, in the terms of the CLI and the terminal UI (ids and option text).</summary>
public sealed record RunRequest
{
    public required string AlgorithmId { get; init; }

    public IReadOnlyDictionary<string, string> AlgorithmOptions { get; init; } = new Dictionary<string, string>();

    public required string ProblemId { get; init; }

    public IReadOnlyDictionary<string, string> ProblemOptions { get; init; } = new Dictionary<string, string>();

    public required int Dimension { get; init; }

    /// <summary>Overrides the problem's standard domain with [Lower, Upper] on every coordinate.</summary>
    public (double Lower, double Upper)? Bounds { get; init; }

    public required ulong Seed { get; init; }

    public StopCriteria Stop { get; init; } = new();

    public EvaluationSettings Evaluation { get; init; } = new();

    public IslandSettings? Islands { get; init; }

    /// <summary>Refuse the run when its estimated memory is over this many bytes; null: the machine's memory
    /// (see <see cref="MemoryBudget"/>).</summary>
    public long? MaxMemoryBytes { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}

public enum DeviceChoice
{
    Auto,
    Cpu,
    Gpu,
}

/// <summary>Where and how evaluations run.</summary>
public sealed record EvaluationSettings
{
    /// <summary>CPU threads; 1 means the serial evaluator.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    public NonFinitePolicy NonFinite { get; init; } = NonFinitePolicy.Error;

    /// <summary>With <see cref="DeviceChoice.Auto"/> and a GPU: the smallest batch sent to it (null: the GPU
    /// layer's documented default).</summary>
    public int? GpuMinBatch { get; init; }

    /// <summary>Peer machines that share the evaluations (addresses as given); empty for this machine alone.</summary>
    public IReadOnlyList<string> Peers { get; init; } = [];

    /// <summary>With peers: whether this machine's cores evaluate too.</summary>
    public bool UseLocal { get; init; } = true;

    /// <summary>With peers: what the run does when no peer is left.</summary>
    public PeerLossPolicy OnPeerLoss { get; init; } = PeerLossPolicy.Continue;

    /// <summary>With peers and more than one island: what is spread over the slots.</summary>
    public Distribution Distribute { get; init; } = Distribution.Islands;

    /// <summary>Where the problem's code runs: in this process (the default), or in a worker process of its own.</summary>
    public EvaluationIsolation Isolation { get; init; } = EvaluationIsolation.None;

    /// <summary>The settings of a run whose evaluations go to an isolated worker, started by
    /// <paramref name="startWorker"/> (which returns its HOST:PORT) once the settings are known to allow one: only
    /// that worker evaluates (this process never runs the problem's code), and losing it fails the run, since it means
    /// the problem ended its process.</summary>
    /// <exception cref="RunSetupException">Isolation is combined with peers.</exception>
    public EvaluationSettings InIsolatedWorker(Func<string> startWorker) => Peers.Count > 0
        ? throw new RunSetupException("isolation", "isolation: a process worker runs this machine's evaluations; it cannot be combined with peers (peers already run the problem outside this process)")
        : this with { Peers = [startWorker()], UseLocal = false, OnPeerLoss = PeerLossPolicy.Fail, Distribute = Distribution.Evaluations };
}

/// <summary>Whether a plugin that kills its process (stack overflow, <c>Environment.FailFast</c>, <c>Environment.Exit</c>)
/// takes the run with it.</summary>
/// <remarks>None is the default: a worker process costs a round trip per batch (measured in the README), and the
/// plugins that ship with Workbench never end their process. Process is for untrusted or fragile problem code.</remarks>
public enum EvaluationIsolation
{
    /// <summary>The problem runs in this process.</summary>
    None,

    /// <summary>The problem runs in a child <c>wb serve</c> on loopback, signed with a key made for this run; when
    /// the child dies the run is recorded as failed and this process goes on.</summary>
    Process,
}

/// <summary>What a run with islands spreads over the slots of its peers (and of this machine).</summary>
/// <remarks>Both give the same history for the same seed; they differ in traffic. Islands (Playdoh's model for
/// the GA) put each island, its optimiser and its evaluations on one slot and send only migrants and fitness
/// back, so they scale even when evaluations are cheap. Evaluations splits every generation's combined batch
/// over all slots, which uses more slots than there are islands but talks every generation.</remarks>
public enum Distribution
{
    Islands,
    Evaluations,
}

/// <summary>What a run with peers does when every peer is lost.</summary>
public enum PeerLossPolicy
{
    /// <summary>Go on with this machine's cores, with a warning.</summary>
    Continue,

    /// <summary>Fail the run, naming the peers lost and why.</summary>
    Fail,
}

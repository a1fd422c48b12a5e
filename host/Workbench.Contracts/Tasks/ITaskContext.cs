namespace Workbench.Contracts.Tasks;

/// <summary>What a node of a parallel task sees of the world: who it is, its seed, its tubes, and a way to
/// report progress. The runtime implements it (threads here, peer machines later); task code never sees
/// threads or sockets.</summary>
/// <remarks>Used only from the node's own thread. <see cref="Push"/> never blocks (tubes are unbounded FIFO
/// queues); <see cref="Pop"/> blocks until a value arrives, the run is cancelled, or the timeout passes.</remarks>
public interface ITaskContext
{
    /// <summary>The task's id, for messages.</summary>
    string TaskId { get; }

    /// <summary>This node's index in 0..<see cref="NodeCount"/>-1.</summary>
    int NodeIndex { get; }

    int NodeCount { get; }

    /// <summary>This node's own seed, <c>Seeds.Derive(runSeed, "node", NodeIndex)</c>: same run seed and node
    /// count, same streams, whatever machine the node runs on.</summary>
    ulong Seed { get; }

    /// <summary>Names of the tubes this node may pop from.</summary>
    IReadOnlyList<string> Incoming { get; }

    /// <summary>Names of the tubes this node may push to.</summary>
    IReadOnlyList<string> Outgoing { get; }

    /// <summary>Appends <paramref name="value"/> to an outgoing tube. Values are immutable, so the receiver can
    /// never see a later change of the sender's buffers.</summary>
    /// <exception cref="ArgumentException">The tube is not one of <see cref="Outgoing"/>.</exception>
    void Push(string tube, TaskValue value);

    /// <summary>Takes the oldest value of an incoming tube, waiting for one if it is empty.</summary>
    /// <exception cref="OperationCanceledException">The token or the run was cancelled (another node failed,
    /// a deadlock was detected, the user stopped the task).</exception>
    /// <exception cref="TimeoutException">Nothing arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="ArgumentException">The tube is not one of <see cref="Incoming"/>.</exception>
    TaskValue Pop(string tube, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Tells observers how far this node is (0..1) and what it does; cheap to call often, the runtime
    /// throttles what reaches observers.</summary>
    void ReportProgress(double fraction, string? message = null);
}

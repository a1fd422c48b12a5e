namespace Workbench.Contracts.Tasks;

/// <summary>What a node of a parallel task sees of the world: who it is, its seed, its tubes, and a way to
/// report progress. The runtime implements it (threads here, peer machines later); task code never sees
/// threads or sockets.</summary>
/// <remarks>
/// Used by one node at a time (its own thread, or its own async flow). Tubes are FIFO queues. Between threads of
/// one process they are unbounded, so a push never waits there; between peers they are bounded (a sender holds a
/// credit per value the receiver has not popped yet), so a push may wait for the receiver. <see cref="Pop"/> waits
/// until a value arrives, the tube is completed, the run is cancelled, or the timeout passes.
/// The async forms (<see cref="PushAsync"/>, <see cref="PopAsync"/>) wait the same way without holding a thread;
/// a node may mix both forms, but must not have two calls on the same tube in flight at once.
/// </remarks>
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
    /// <exception cref="InvalidOperationException">This node already completed the tube.</exception>
    void Push(string tube, TaskValue value);

    /// <summary>Takes the oldest value of an incoming tube, waiting for one if it is empty.</summary>
    /// <exception cref="OperationCanceledException">The token or the run was cancelled (another node failed,
    /// a deadlock was detected, the user stopped the task).</exception>
    /// <exception cref="TimeoutException">Nothing arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="TubeCompletedException">The tube is empty and its sender completed it.</exception>
    /// <exception cref="ArgumentException">The tube is not one of <see cref="Incoming"/>.</exception>
    TaskValue Pop(string tube, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Appends <paramref name="value"/> to an outgoing tube, waiting (without holding a thread) while a
    /// bounded tube is full.</summary>
    /// <exception cref="OperationCanceledException">The token or the run was cancelled while waiting.</exception>
    /// <exception cref="ArgumentException">The tube is not one of <see cref="Outgoing"/>.</exception>
    /// <exception cref="InvalidOperationException">This node already completed the tube.</exception>
    ValueTask PushAsync(string tube, TaskValue value, CancellationToken cancellationToken = default);

    /// <summary>Takes the oldest value of an incoming tube, waiting (without holding a thread) while it is empty.</summary>
    /// <exception cref="OperationCanceledException">The token or the run was cancelled.</exception>
    /// <exception cref="TimeoutException">Nothing arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="TubeCompletedException">The tube is empty and its sender completed it.</exception>
    /// <exception cref="ArgumentException">The tube is not one of <see cref="Incoming"/>.</exception>
    ValueTask<TaskValue> PopAsync(string tube, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Says this node will push no more to an outgoing tube. The receiver pops the values already sent, then
    /// gets a <see cref="TubeCompletedException"/> carrying <paramref name="error"/> instead of waiting forever.
    /// Completing a tube twice keeps the first completion.</summary>
    /// <param name="tube">One of <see cref="Outgoing"/>.</param>
    /// <param name="error">Why the stream ends early (for example this node's failure), or null for a normal end.</param>
    /// <exception cref="ArgumentException">The tube is not one of <see cref="Outgoing"/>.</exception>
    void Complete(string tube, string? error = null);

    /// <summary>Tells observers how far this node is (0..1) and what it does; cheap to call often, the runtime
    /// throttles what reaches observers.</summary>
    void ReportProgress(double fraction, string? message = null);
}

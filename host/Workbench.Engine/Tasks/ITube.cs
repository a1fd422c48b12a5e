using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>One named one-way FIFO queue between two nodes. Local tubes are in-memory queues; a network
/// transport implements the same interface over the wire.</summary>
public interface ITube
{
    TubeLink Link { get; }

    /// <summary>Appends a value; never blocks (tubes are unbounded).</summary>
    void Push(TaskValue value);

    /// <summary>Removes the oldest value, waiting while the tube is empty.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    /// <exception cref="TimeoutException">Nothing arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="TaskDeadlockException">Every live node of the network waits on an empty tube.</exception>
    TaskValue Pop(TimeSpan? timeout, CancellationToken cancellationToken);
}

using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>One named one-way FIFO queue between two nodes. Local tubes are in-memory queues; a network
/// transport implements the same interface over the wire.</summary>
public interface ITube
{
    TubeLink Link { get; }

    /// <summary>Appends a value; never blocks (local tubes are unbounded).</summary>
    /// <exception cref="InvalidOperationException">The tube was completed.</exception>
    void Push(TaskValue value);

    /// <summary>Removes the oldest value, waiting while the tube is empty.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    /// <exception cref="TimeoutException">Nothing arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="TubeCompletedException">The tube is empty and was completed.</exception>
    /// <exception cref="TaskDeadlockException">Every live node of the network waits on an empty tube.</exception>
    TaskValue Pop(TimeSpan? timeout, CancellationToken cancellationToken);

    /// <summary><see cref="Pop"/> without holding a thread while the tube is empty; the same exceptions.</summary>
    ValueTask<TaskValue> PopAsync(TimeSpan? timeout, CancellationToken cancellationToken);

    /// <summary>The sender will push no more: once the values already pushed are popped, pops fail with a
    /// <see cref="TubeCompletedException"/> carrying <paramref name="error"/>. The first completion is kept.</summary>
    void Complete(string? error);
}

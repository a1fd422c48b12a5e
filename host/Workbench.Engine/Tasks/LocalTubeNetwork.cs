using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>In-memory tubes for nodes that are threads of this process, with exact deadlock detection.</summary>
/// <remarks>
/// One lock guards every queue and every node's wait state. That is what makes the deadlock test exact: under
/// the lock, "every live node waits on a tube that is empty" cannot be fooled by a value that was pushed but not
/// yet taken by a waiter that has not woken up. The lock is held only for queue operations, never while a node
/// computes, so with the handful of nodes of a machine it costs nothing measurable.
/// </remarks>
public sealed partial class LocalTubeNetwork : ITubeNetwork
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LocalTube> _byName;
    private readonly string?[] _waitingOn;
    private readonly bool[] _finished;
    private readonly string _taskId;
    private int _alive;
    private TaskDeadlockException? _deadlock;

    /// <summary>How long a pop spins for a value before it parks its thread (only when every node has a core).</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5000;

    private readonly bool _spin;

    /// <param name="topology">Already validated (see <see cref="TopologyValidator"/>).</param>
    public LocalTubeNetwork(string taskId, int nodeCount, TubeTopology topology)
    {
        _taskId = taskId;
        _waitingOn = new string?[nodeCount];
        _finished = new bool[nodeCount];
        _alive = nodeCount;
        _spin = nodeCount <= Environment.ProcessorCount && Environment.ProcessorCount > 1;
        _byName = topology.Links.ToDictionary(l => l.Name, l => new LocalTube(this, l), StringComparer.Ordinal);
        Tubes = topology.Links.Select(l => (ITube)_byName[l.Name]).ToArray();
    }

    public IReadOnlyList<ITube> Tubes { get; }

    public ITube this[string name] => _byName.TryGetValue(name, out var tube)
        ? tube
        : throw new KeyNotFoundException($"task '{_taskId}' has no tube '{name}'");

    public void NodeFinished(int node)
    {
        lock (_gate)
        {
            if (_finished[node])
            {
                return;
            }

            _finished[node] = true;
            _waitingOn[node] = null;
            _alive--;
            DetectDeadlock();
        }
    }

    public IReadOnlyList<NodeWait> Snapshot()
    {
        lock (_gate)
        {
            return SnapshotLocked();
        }
    }

    internal void Push(LocalTube tube, TaskValue value)
    {
        lock (_gate)
        {
            if (tube.Completed)
            {
                throw new InvalidOperationException($"node {tube.Link.From} completed tube '{tube.Link.Name}' and cannot push to it any more");
            }

            tube.Queue.Enqueue(value);
            WakeLocked(tube);
        }
    }

    internal void Complete(LocalTube tube, string? error)
    {
        lock (_gate)
        {
            if (tube.Completed)
            {
                return;
            }

            tube.Completed = true;
            tube.Error = error;
            WakeLocked(tube);
        }
    }

    /// <summary>Wakes the threads parked on the gate and the async waiter of <paramref name="tube"/>.</summary>
    private void WakeLocked(LocalTube tube)
    {
        Monitor.PulseAll(_gate);
        tube.Waiter?.TrySetResult();
        tube.Waiter = null;
    }

    /// <summary>Takes a value under the lock; an empty completed tube throws, an empty open one returns false.</summary>
    private static bool TryTakeLocked(LocalTube tube, out TaskValue value)
    {
        if (tube.Queue.TryDequeue(out value!))
        {
            return true;
        }

        return tube.Completed ? throw new TubeCompletedException(tube.Link.Name, tube.Link.From, tube.Error) : false;
    }

    internal TaskValue Pop(LocalTube tube, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (TryTakeLocked(tube, out var ready))
            {
                return ready;
            }
        }

        if (_spin && TrySpin(tube, cancellationToken) is { } spun)
        {
            return spun;
        }

        // Cancellation must wake a waiter parked in Monitor.Wait; the callback runs outside the lock.
        using var wake = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        });
        var deadline = timeout is TimeSpan t ? Environment.TickCount64 + (long)Math.Ceiling(t.TotalMilliseconds) : long.MaxValue;
        var node = tube.Link.To;
        lock (_gate)
        {
            _waitingOn[node] = tube.Link.Name;
            try
            {
                while (true)
                {
                    if (TryTakeLocked(tube, out var value))
                    {
                        return value;
                    }

                    if (_deadlock is not null || DetectDeadlock())
                    {
                        throw new TaskDeadlockException(_taskId, _deadlock!.Waits);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    var left = deadline - Environment.TickCount64;
                    if (left <= 0)
                    {
                        throw TimedOut(tube, timeout!.Value);
                    }

                    Monitor.Wait(_gate, deadline == long.MaxValue ? Timeout.Infinite : (int)Math.Min(left, int.MaxValue));
                }
            }
            finally
            {
                _waitingOn[node] = null;
            }
        }
    }

    private static TimeoutException TimedOut(LocalTube tube, TimeSpan timeout) =>
        new($"node {tube.Link.To} waited {timeout.TotalMilliseconds:0.###} ms on tube '{tube.Link.Name}' (from node {tube.Link.From}) and nothing arrived");

    /// <summary>Spins up to 200 µs for a value before the pop parks its thread. A neighbour's value usually comes
    /// within microseconds when every node has a core of its own, while waking a parked thread costs tens of
    /// microseconds (more on a VM): per time step of a stencil that is the whole cost of the exchange. MPI's
    /// shared-memory transport polls for the same reason. A spinning node counts as running, so deadlock detection
    /// is unchanged; it simply happens after the spin.</summary>
    private TaskValue? TrySpin(LocalTube tube, CancellationToken cancellationToken)
    {
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
        var spinner = default(SpinWait);
        while (System.Diagnostics.Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested)
        {
            // An unlocked read of the count is only a hint (a torn or stale value costs one more round); the
            // value itself is taken under the lock.
            if (tube.Queue.Count > 0 || tube.Completed)
            {
                lock (_gate)
                {
                    if (TryTakeLocked(tube, out var value))
                    {
                        return value;
                    }
                }
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return null;
    }

    /// <summary>Called under the lock after any change that could leave every live node stuck.</summary>
    private bool DetectDeadlock()
    {
        if (_deadlock is not null)
        {
            return true;
        }

        if (_alive == 0)
        {
            return false;
        }

        for (var node = 0; node < _waitingOn.Length; node++)
        {
            if (_finished[node])
            {
                continue;
            }

            // A waiter on a completed tube is about to wake with an error: it is not stuck.
            if (_waitingOn[node] is not string tube || _byName[tube].Queue.Count > 0 || _byName[tube].Completed)
            {
                return false;
            }
        }

        _deadlock = new TaskDeadlockException(_taskId, SnapshotLocked());
        foreach (var tube in _byName.Values)
        {
            WakeLocked(tube);
        }

        return true;
    }

    private NodeWait[] SnapshotLocked() =>
        _waitingOn.Select((tube, node) => new NodeWait(node, tube, _finished[node])).ToArray();

    internal sealed class LocalTube(LocalTubeNetwork network, TubeLink link) : ITube
    {
        public TubeLink Link { get; } = link;

        public Queue<TaskValue> Queue { get; } = new();

        /// <summary>Set under the network's lock; read without it only as a hint by the spin.</summary>
        public volatile bool Completed;

        public string? Error { get; set; }

        /// <summary>The receiver's pending async pop, completed (under the lock) by a push, completion or deadlock.</summary>
        public TaskCompletionSource? Waiter { get; set; }

        public void Push(TaskValue value) => network.Push(this, value ?? throw new ArgumentNullException(nameof(value)));

        public TaskValue Pop(TimeSpan? timeout, CancellationToken cancellationToken) => network.Pop(this, timeout, cancellationToken);

        public ValueTask<TaskValue> PopAsync(TimeSpan? timeout, CancellationToken cancellationToken) => network.PopAsync(this, timeout, cancellationToken);

        public void Complete(string? error) => network.Complete(this, error);
    }
}

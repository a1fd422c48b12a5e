namespace Workbench.Peer;

/// <summary>The CPU slots a peer shares: at most <see cref="Capacity"/> chunks run at once, the rest wait in
/// arrival order. The capacity can change at any time; work already running is never stopped, so lowering it
/// only holds back the next chunks until enough running ones finish.</summary>
internal sealed class SlotGate(int capacity)
{
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private int _capacity = capacity;
    private int _busy;

    public int Capacity
    {
        get
        {
            lock (_gate)
            {
                return _capacity;
            }
        }
    }

    public int Busy
    {
        get
        {
            lock (_gate)
            {
                return _busy;
            }
        }
    }

    public void SetCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        List<TaskCompletionSource> wake;
        lock (_gate)
        {
            _capacity = capacity;
            wake = TakeRunnable();
        }

        wake.ForEach(w => w.TrySetResult());
    }

    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            if (_waiting.Count == 0 && _busy < _capacity)
            {
                _busy++;
                return new Lease(this);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiting.AddLast(waiter);
        }

        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Lease(this);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (node.List is not null)
                {
                    _waiting.Remove(node);
                    throw;
                }
            }

            // Granted at the moment of cancellation: hand the slot back.
            Release();
            throw;
        }
    }

    private void Release()
    {
        List<TaskCompletionSource> wake;
        lock (_gate)
        {
            _busy--;
            wake = TakeRunnable();
        }

        wake.ForEach(w => w.TrySetResult());
    }

    /// <summary>Grants waiting callers while slots are free (caller holds the lock).</summary>
    private List<TaskCompletionSource> TakeRunnable()
    {
        var wake = new List<TaskCompletionSource>();
        while (_busy < _capacity && _waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            _busy++;
            wake.Add(first.Value);
        }

        return wake;
    }

    private sealed class Lease(SlotGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

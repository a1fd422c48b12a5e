namespace Workbench.Transport.Evaluation;

/// <summary>The points of one batch still to evaluate, handed out as index ranges. A range given back (its peer
/// was lost) is handed out again before any new one. Thread-safe.</summary>
internal sealed class BatchWork
{
    private readonly object _gate = new();
    private readonly Stack<(int Start, int Count)> _returned = new();
    private readonly int _total;
    private TaskCompletionSource _changed = New();
    private int _next;
    private int _remaining;

    public BatchWork(int total)
    {
        _total = total;
        _remaining = total;
    }

    public bool IsComplete
    {
        get
        {
            lock (_gate)
            {
                return _remaining == 0;
            }
        }
    }

    /// <summary>Takes up to <paramref name="want"/> points (a returned range whole, or the next new ones).</summary>
    public bool TryTake(Func<int, int> want, out (int Start, int Count) range)
    {
        lock (_gate)
        {
            if (_returned.TryPop(out range))
            {
                return true;
            }

            if (_next >= _total)
            {
                range = default;
                return false;
            }

            var count = Math.Clamp(want(_total - _next), 1, _total - _next);
            range = (_next, count);
            _next += count;
            return true;
        }
    }

    public void Done((int Start, int Count) range)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _remaining -= range.Count;
            if (_remaining > 0)
            {
                return;
            }

            changed = _changed;
        }

        changed.TrySetResult();
    }

    public void Return((int Start, int Count) range)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _returned.Push(range);
            changed = _changed;
            _changed = New();
        }

        changed.TrySetResult();
    }

    /// <summary>Completes when a range is returned or the batch is complete; a worker with nothing to take waits on
    /// it, so work given back by a lost peer still finds a taker.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _remaining == 0 ? Task.CompletedTask : _changed.Task;
            }
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace Workbench.Tui.Live;

/// <summary>Coalesces "something changed" signals from a worker thread into UI updates: at most one post per
/// interval and at most one in flight, with forced posts for the first and last state.</summary>
/// <remarks>The flush runs on the UI thread and reads the newest state, so nothing is lost by coalescing; a
/// million signals a second cost the UI thread ten flushes.</remarks>
public sealed class UpdateThrottle
{
    private readonly object _gate = new();
    private readonly Action<Action> _post;
    private readonly Action _flush;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private long _lastPost = long.MinValue;
    private bool _pending;

    /// <param name="post">Runs an action on the UI thread (the application's Invoke).</param>
    /// <param name="flush">Reads the newest state and updates the views; called on the UI thread.</param>
    public UpdateThrottle(Action<Action> post, Action flush, TimeSpan? interval = null, TimeProvider? time = null)
    {
        _post = post;
        _flush = flush;
        _interval = interval ?? TimeSpan.FromMilliseconds(100);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many flushes were posted.</summary>
    public int Posts { get; private set; }

    /// <param name="force">Post even within the interval (start and end of a run), so the final state always shows.</param>
    public void Signal(bool force = false)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var due = _lastPost == long.MinValue || _time.GetElapsedTime(_lastPost, now) >= _interval;
            if (!force && (_pending || !due))
            {
                return;
            }

            _lastPost = now;
            _pending = true;
            Posts++;
        }

        _post(Run);
    }

    private void Run()
    {
        lock (_gate)
        {
            _pending = false;
        }

        _flush();
    }
}

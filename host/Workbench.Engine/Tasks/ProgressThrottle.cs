namespace Workbench.Engine.Tasks;

/// <summary>Forwards node progress to an observer at most once per interval per node (always the first and the
/// final report), and serialises the calls, so a node may report in its inner loop without flooding a UI.</summary>
internal sealed class ProgressThrottle
{
    private readonly ITaskObserver? _observer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly long[] _last;
    private readonly object _gate = new();

    public ProgressThrottle(ITaskObserver? observer, int nodeCount, TimeSpan interval, TimeProvider time)
    {
        _observer = observer;
        _time = time;
        _interval = interval;
        _last = new long[nodeCount];
        Array.Fill(_last, long.MinValue);
    }

    public void Report(NodeProgress progress)
    {
        if (_observer is null)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var node = progress.Node;
        var due = _last[node] == long.MinValue || progress.Fraction >= 1 || _time.GetElapsedTime(_last[node], now) >= _interval;
        if (!due)
        {
            return;
        }

        _last[node] = now;
        lock (_gate)
        {
            _observer.OnNodeProgress(progress);
        }
    }

    public void Finished(NodeStatistics statistics)
    {
        if (_observer is null)
        {
            return;
        }

        lock (_gate)
        {
            _observer.OnNodeFinished(statistics);
        }
    }
}

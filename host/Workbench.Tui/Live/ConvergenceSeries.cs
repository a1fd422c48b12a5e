namespace Workbench.Tui.Live;

/// <summary>A best-so-far curve kept to a bounded number of points, so a run of millions of iterations costs the
/// UI a fixed amount of memory and drawing time.</summary>
/// <remarks>Only points where the best improved are kept (best-so-far is a step function), plus the latest point.
/// When the list is full, every other interior point is dropped: the curve keeps its shape at half resolution.</remarks>
public sealed class ConvergenceSeries
{
    private readonly int _capacity;
    private readonly List<(double X, double Y)> _points = [];
    private (double X, double Y)? _last;

    public ConvergenceSeries(int capacity = 1024)
    {
        _capacity = Math.Max(4, capacity);
    }

    public int Count => _points.Count + (_last is null ? 0 : 1);

    public void Add(double x, double y)
    {
        if (_points.Count == 0 || y < _points[^1].Y)
        {
            _points.Add((x, y));
            _last = null;
            if (_points.Count >= _capacity)
            {
                Thin();
            }
        }
        else
        {
            _last = (x, y);
        }
    }

    /// <summary>The points in order, the latest one included.</summary>
    public IReadOnlyList<(double X, double Y)> Points()
    {
        var copy = new List<(double X, double Y)>(Count);
        copy.AddRange(_points);
        if (_last is { } last)
        {
            copy.Add(last);
        }

        return copy;
    }

    private void Thin()
    {
        var kept = new List<(double X, double Y)>(_points.Count / 2 + 2) { _points[0] };
        for (var i = 2; i < _points.Count - 1; i += 2)
        {
            kept.Add(_points[i]);
        }

        kept.Add(_points[^1]);
        _points.Clear();
        _points.AddRange(kept);
    }
}

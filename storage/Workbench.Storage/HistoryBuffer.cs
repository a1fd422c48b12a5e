using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Growable history columns: rows buffered in memory between flushes, and the chunk being filled.</summary>
internal sealed class HistoryBuffer
{
    private long[] _iteration;
    private long[] _evaluations;
    private double[] _best;
    private double[] _iterationBest;
    private double[] _mean;
    private double[] _elapsed;
    private double[][] _extras;

    public HistoryBuffer(int extraCount, int capacity = 256)
    {
        _iteration = new long[capacity];
        _evaluations = new long[capacity];
        _best = new double[capacity];
        _iterationBest = new double[capacity];
        _mean = new double[capacity];
        _elapsed = new double[capacity];
        _extras = Enumerable.Range(0, extraCount).Select(_ => new double[capacity]).ToArray();
    }

    public int Count { get; private set; }

    public void Add(IterationRecord row)
    {
        if (Count == _iteration.Length)
        {
            Grow(Count * 2);
        }

        _iteration[Count] = row.Iteration;
        _evaluations[Count] = row.Evaluations;
        _best[Count] = row.BestSoFar;
        _iterationBest[Count] = row.IterationBest;
        _mean[Count] = row.Mean;
        _elapsed[Count] = row.ElapsedSeconds;
        for (var k = 0; k < _extras.Length; k++)
        {
            _extras[k][Count] = k < row.Extras.Length ? row.Extras[k] : double.NaN;
        }

        Count++;
    }

    /// <summary>Appends rows [from, from+count) of another buffer.</summary>
    public void AddRange(HistoryBuffer other, int from, int count)
    {
        if (Count + count > _iteration.Length)
        {
            Grow(Math.Max(Count + count, _iteration.Length * 2));
        }

        Array.Copy(other._iteration, from, _iteration, Count, count);
        Array.Copy(other._evaluations, from, _evaluations, Count, count);
        Array.Copy(other._best, from, _best, Count, count);
        Array.Copy(other._iterationBest, from, _iterationBest, Count, count);
        Array.Copy(other._mean, from, _mean, Count, count);
        Array.Copy(other._elapsed, from, _elapsed, Count, count);
        for (var k = 0; k < _extras.Length; k++)
        {
            Array.Copy(other._extras[k], from, _extras[k], Count, count);
        }

        Count += count;
    }

    public void Clear() => Count = 0;

    /// <summary>Forgets the rows after the first <paramref name="count"/>.</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);

    public ReadOnlySpan<long> Iteration => _iteration.AsSpan(0, Count);

    public ReadOnlySpan<long> Evaluations => _evaluations.AsSpan(0, Count);

    public ReadOnlySpan<double> Best => _best.AsSpan(0, Count);

    public ReadOnlySpan<double> IterationBest => _iterationBest.AsSpan(0, Count);

    public ReadOnlySpan<double> Mean => _mean.AsSpan(0, Count);

    public ReadOnlySpan<double> Elapsed => _elapsed.AsSpan(0, Count);

    public ReadOnlySpan<double> Extra(int k) => _extras[k].AsSpan(0, Count);

    public IterationRecord Last => new(_iteration[Count - 1], _evaluations[Count - 1], _best[Count - 1],
        _iterationBest[Count - 1], _mean[Count - 1], _elapsed[Count - 1], _extras.Select(e => e[Count - 1]).ToArray());

    private void Grow(int capacity)
    {
        Array.Resize(ref _iteration, capacity);
        Array.Resize(ref _evaluations, capacity);
        Array.Resize(ref _best, capacity);
        Array.Resize(ref _iterationBest, capacity);
        Array.Resize(ref _mean, capacity);
        Array.Resize(ref _elapsed, capacity);
        for (var k = 0; k < _extras.Length; k++)
        {
            Array.Resize(ref _extras[k], capacity);
        }
    }
}

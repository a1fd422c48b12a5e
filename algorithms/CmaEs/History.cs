namespace Workbench.Algorithms.CmaEs;

/// <summary>The last <c>capacity</c> values of a per-iteration series, in a ring with one spare slot so that
/// the latest push can be undone exactly (the value it pushed out is still there).</summary>
internal sealed class History
{
    private readonly double[] _ring;
    private int _head;
    private int _savedHead;
    private int _savedCount;

    public History(int capacity)
    {
        Capacity = capacity;
        _ring = new double[capacity + 1];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public void Push(double value)
    {
        _savedHead = _head;
        _savedCount = Count;
        _ring[_head] = value;
        _head = (_head + 1) % _ring.Length;
        Count = Math.Min(Count + 1, Capacity);
    }

    public void UndoPush()
    {
        _head = _savedHead;
        Count = _savedCount;
    }

    /// <summary>The value pushed <paramref name="age"/> pushes ago (0 = latest).</summary>
    public double this[int age] => _ring[(_head - 1 - age + (2 * _ring.Length)) % _ring.Length];

    public double Range()
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var a = 0; a < Count; a++)
        {
            lo = Math.Min(lo, this[a]);
            hi = Math.Max(hi, this[a]);
        }

        return hi - lo;
    }

    /// <summary>Median of the values with ages [from, from + length), sorted in <paramref name="scratch"/>.</summary>
    public double Median(int from, int length, Span<double> scratch)
    {
        var s = scratch[..length];
        for (var a = 0; a < length; a++)
        {
            s[a] = this[from + a];
        }

        s.Sort();
        return (length & 1) == 1 ? s[length / 2] : (s[(length / 2) - 1] + s[length / 2]) / 2;
    }
}

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

    /// <summary>Median of the values with ages [from, from + length), selected in <paramref name="scratch"/>.
    /// Selection instead of a sort: the stagnation check runs every iteration over windows of hundreds of
    /// values, where sorting cost as much as the rest of a small run's iteration.</summary>
    public double Median(int from, int length, Span<double> scratch)
    {
        var s = scratch[..length];
        for (var a = 0; a < length; a++)
        {
            s[a] = this[from + a];
        }

        var upper = Select(s, length / 2);
        if ((length & 1) == 1)
        {
            return upper;
        }

        // After the selection every value left of the middle is <= it; the lower middle is their largest.
        var lower = s[0];
        for (var i = 1; i < length / 2; i++)
        {
            lower = Math.Max(lower, s[i]);
        }

        return (lower + upper) / 2;
    }

    /// <summary>Hoare's quickselect: the k-th smallest value (0-based), leaving smaller values left of k and
    /// larger ones right of it. Values are finite or infinite (never NaN: NaN fitness ranks as +inf).</summary>
    private static double Select(Span<double> s, int k)
    {
        int lo = 0, hi = s.Length - 1;
        while (lo < hi)
        {
            // Median of three as the pivot keeps sorted and reversed windows (the usual case) linear.
            var mid = lo + ((hi - lo) / 2);
            var pivot = MedianOf3(s[lo], s[mid], s[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (s[i] < pivot)
                {
                    i++;
                }

                while (s[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (s[i], s[j]) = (s[j], s[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return s[k];
            }
        }

        return s[k];
    }

    private static double MedianOf3(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}

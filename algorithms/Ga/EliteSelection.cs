namespace Workbench.Algorithms.Ga;

/// <summary>Finds the indices of the k smallest fitness values, best first, in one pass over the population with a
/// max-heap of the k best seen so far: O(population + k log k log(population / k)) for random order, so that large
/// elites (1% of a population of 10⁷) stay cheap, where an insertion buffer costs O(population × k).</summary>
/// <remarks>Fitness values are never NaN here (the GA stores NaN as +infinity). Among equal values the lower
/// index wins, so selection is deterministic.</remarks>
internal sealed class EliteSelection
{
    private readonly int[] _indices;
    private readonly double[] _values;

    public EliteSelection(int count)
    {
        _indices = new int[count];
        _values = new double[count];
    }

    public ReadOnlySpan<int> Select(ReadOnlySpan<double> fitness)
    {
        var k = _indices.Length;
        if (k == 0)
        {
            return _indices;
        }

        var filled = 0;
        for (var i = 0; i < fitness.Length; i++)
        {
            var f = fitness[i];
            if (filled < k)
            {
                _values[filled] = f;
                _indices[filled] = i;
                SiftUp(filled++);
            }
            else if (f < _values[0])
            {
                // Indices only grow, so an equal value never displaces a kept one: the lower index wins.
                _values[0] = f;
                _indices[0] = i;
                SiftDown(0, k);
            }
        }

        // Heap order to best first: the heap holds the k best by (value, index); sort them the same way.
        Array.Sort(_values, _indices, 0, filled, null);
        SortTiesByIndex(filled);
        return _indices;
    }

    /// <summary>Whether (value, index) at <paramref name="a"/> ranks after the one at <paramref name="b"/>.</summary>
    private bool Worse(int a, int b) => _values[a] > _values[b] || (_values[a] == _values[b] && _indices[a] > _indices[b]);

    private void SiftUp(int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Worse(at, parent))
            {
                return;
            }

            Swap(at, parent);
            at = parent;
        }
    }

    private void SiftDown(int at, int count)
    {
        while (true)
        {
            var worst = at;
            var left = (2 * at) + 1;
            if (left < count && Worse(left, worst))
            {
                worst = left;
            }

            if (left + 1 < count && Worse(left + 1, worst))
            {
                worst = left + 1;
            }

            if (worst == at)
            {
                return;
            }

            Swap(at, worst);
            at = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_values[a], _values[b]) = (_values[b], _values[a]);
        (_indices[a], _indices[b]) = (_indices[b], _indices[a]);
    }

    /// <summary>Array.Sort is not stable: restore index order inside each run of equal values.</summary>
    private void SortTiesByIndex(int count)
    {
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && _values[end] == _values[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(_indices, start, end - start);
            }

            start = end;
        }
    }
}

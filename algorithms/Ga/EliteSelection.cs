namespace Workbench.Algorithms.Ga;

/// <summary>Finds the indices of the k smallest fitness values, best first, in one pass with a small sorted
/// buffer: O(population) per generation for the usual small elites, where a full sort would cost
/// O(population log population) every generation.</summary>
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
        var filled = 0;
        for (var i = 0; i < fitness.Length; i++)
        {
            var f = fitness[i];
            if (filled == k && !(f < _values[k - 1]))
            {
                continue;
            }

            // Insertion into the sorted buffer, dropping its last entry when full.
            var pos = filled < k ? filled++ : k - 1;
            while (pos > 0 && f < _values[pos - 1])
            {
                _values[pos] = _values[pos - 1];
                _indices[pos] = _indices[pos - 1];
                pos--;
            }

            _values[pos] = f;
            _indices[pos] = i;
        }

        return _indices;
    }
}

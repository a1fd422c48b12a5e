namespace Workbench.Algorithms.Pso;

/// <summary>Orders individuals by fitness with preallocated buffers, so migration allocates nothing.</summary>
/// <remarks>Copied in the GA plugin: plugins may not reference each other. NaN ranks as +infinity (worst). Ties are broken by the (deterministic) sort, so equal inputs rank equally.</remarks>
internal sealed class Ranking
{
    private readonly double[] _keys;
    private readonly int[] _order;

    public Ranking(int size)
    {
        _keys = new double[size];
        _order = new int[size];
    }

    /// <summary>Indices sorted from best to worst; valid until the next call.</summary>
    public ReadOnlySpan<int> Sort(ReadOnlySpan<double> fitness)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = double.IsNaN(fitness[i]) ? double.PositiveInfinity : fitness[i];
            _order[i] = i;
        }

        Array.Sort(_keys, _order);
        return _order;
    }
}

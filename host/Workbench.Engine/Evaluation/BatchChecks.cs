using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Workbench.Contracts.Problems;

namespace Workbench.Engine.Evaluation;

/// <summary>Vectorised checks of a batch against box bounds and of fitness values for finiteness.</summary>
/// <remarks>The guard runs these on every batch, so for cheap objectives (a sphere costs ~1 ns per coordinate)
/// a scalar check would cost as much as the evaluation itself. The bounds are tiled to <c>d × W</c> values
/// (W = doubles per SIMD vector), so that every vector of a row-major batch lines up with its own slice of the
/// tile. The fast paths only answer "all good"; the guard finds and reports the offending value with a scalar
/// scan when they say no.</remarks>
internal sealed class BatchChecks
{
    private readonly double[] _lowerTile;
    private readonly double[] _upperTile;

    public BatchChecks(Bounds bounds)
    {
        var d = bounds.Dimension;
        var length = d * Vector<double>.Count;
        _lowerTile = new double[length];
        _upperTile = new double[length];
        for (var i = 0; i < length; i++)
        {
            _lowerTile[i] = bounds.Lower[i % d];
            _upperTile[i] = bounds.Upper[i % d];
        }
    }

    /// <summary>True when every coordinate is within its bounds (and none is NaN).</summary>
    /// <remarks>Fully optimised from the first call: unoptimised (tier-0) code does not inline the SIMD operations.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool AllInBounds(ReadOnlySpan<double> points)
    {
        var width = Vector<double>.Count;
        var tile = _lowerTile.Length;
        var lower = MemoryMarshal.Cast<double, Vector<double>>(_lowerTile);
        var upper = MemoryMarshal.Cast<double, Vector<double>>(_upperTile);
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(points);
        var t = 0;
        var tileVectors = tile / width;
        for (var i = 0; i < vectors.Length; i++)
        {
            var v = vectors[i];
            if (!Vector.GreaterThanOrEqualAll(v, lower[t]) || !Vector.LessThanOrEqualAll(v, upper[t]))
            {
                return false;
            }

            if (++t == tileVectors)
            {
                t = 0;
            }
        }

        for (var i = vectors.Length * width; i < points.Length; i++)
        {
            var k = i % tile;
            if (!(points[i] >= _lowerTile[k] && points[i] <= _upperTile[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when no value is NaN or infinite (x − x is 0 exactly for finite x, NaN otherwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        var acc = Vector<double>.Zero;
        foreach (var v in vectors)
        {
            acc += v - v;
        }

        var sum = Vector.Sum(acc);
        for (var i = vectors.Length * Vector<double>.Count; i < values.Length; i++)
        {
            sum += values[i] - values[i];
        }

        return sum == 0;
    }
}

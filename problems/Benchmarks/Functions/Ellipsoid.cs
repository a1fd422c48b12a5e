using ILGPU;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Benchmarks.Functions;

/// <summary>f(x) = Σ 10^(6(i-1)/(n-1)) x_i²: a sphere stretched to condition number 10⁶. Minimum 0 at the origin.</summary>
public static class Ellipsoid
{
    /// <summary>The per-coordinate weights for dimension <paramref name="n"/> (1 when n = 1), computed once per
    /// problem because Math.Pow per coordinate per point would dominate the evaluation.</summary>
    public static double[] Weights(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = n == 1 ? 1.0 : Math.Pow(10.0, 6.0 * i / (n - 1));
        }

        return weights;
    }

    /// <param name="weights">From <see cref="Weights"/>, same length as <paramref name="x"/>.</param>
    public static double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += weights[i] * x[i] * x[i];
        }

        return sum;
    }
}

internal readonly struct EllipsoidObjective(double[] weights) : IPointObjective
{
    public double Value(ReadOnlySpan<double> x) => Ellipsoid.Value(x, weights);
}

/// <summary>The GPU twin of <see cref="Ellipsoid.Value"/>; <c>constants</c> holds <see cref="Ellipsoid.Weights"/>
/// (uploaded, not recomputed, so both sides multiply by the very same weights).</summary>
public readonly struct EllipsoidGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var sum = 0.0;
        for (var i = 0; i < point.IntLength; i++)
        {
            sum += constants[i] * point[i] * point[i];
        }

        return sum;
    }
}

using ILGPU;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Benchmarks.Functions;

/// <summary>f(x) = 1 + Σ x_i²/4000 − Π cos(x_i/√i), i from 1: many shallow minima on a wide bowl. Minimum 0 at the origin.</summary>
public static class Griewank
{
    /// <summary>1/√i for i = 1..n, computed once per problem so the hot loop multiplies instead of taking roots.</summary>
    public static double[] InverseSqrtIndices(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var scales = new double[n];
        for (var i = 0; i < n; i++)
        {
            scales[i] = 1.0 / Math.Sqrt(i + 1);
        }

        return scales;
    }

    /// <param name="inverseSqrtIndices">From <see cref="InverseSqrtIndices"/>, same length as <paramref name="x"/>.</param>
    public static double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> inverseSqrtIndices)
    {
        var sumSquares = 0.0;
        var product = 1.0;
        for (var i = 0; i < x.Length; i++)
        {
            sumSquares += x[i] * x[i];
            product *= Math.Cos(x[i] * inverseSqrtIndices[i]);
        }

        return 1.0 + (sumSquares / 4000.0) - product;
    }
}

internal readonly struct GriewankObjective(double[] inverseSqrtIndices) : IPointObjective
{
    public double Value(ReadOnlySpan<double> x) => Griewank.Value(x, inverseSqrtIndices);
}

/// <summary>The GPU twin of <see cref="Griewank.Value"/>; <c>constants</c> holds
/// <see cref="Griewank.InverseSqrtIndices"/>.</summary>
public readonly struct GriewankGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var sumSquares = 0.0;
        var product = 1.0;
        for (var i = 0; i < point.IntLength; i++)
        {
            sumSquares += point[i] * point[i];
            product *= Math.Cos(point[i] * constants[i]);
        }

        return 1.0 + (sumSquares / 4000.0) - product;
    }
}

using ILGPU;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Benchmarks.Functions;

/// <summary>f(x) = 10n + Σ x_i² − 10 cos(2π x_i): a sphere with a regular grid of local minima. Minimum 0 at the origin.</summary>
public static class Rastrigin
{
    public static double Value(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var xi in x)
        {
            sum += (xi * xi) - (10.0 * Math.Cos(2.0 * Math.PI * xi));
        }

        return (10.0 * x.Length) + sum;
    }
}

internal readonly struct RastriginObjective : IPointObjective
{
    public double Value(ReadOnlySpan<double> x) => Rastrigin.Value(x);
}

/// <summary>The GPU twin of <see cref="Rastrigin.Value"/>, same order of operations.</summary>
public readonly struct RastriginGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var sum = 0.0;
        for (var i = 0; i < point.IntLength; i++)
        {
            var xi = point[i];
            sum += (xi * xi) - (10.0 * Math.Cos(2.0 * Math.PI * xi));
        }

        return (10.0 * point.IntLength) + sum;
    }
}

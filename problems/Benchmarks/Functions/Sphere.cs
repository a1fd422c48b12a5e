using ILGPU;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Benchmarks.Functions;

/// <summary>f(x) = Σ x_i². Minimum 0 at the origin.</summary>
public static class Sphere
{
    public static double Value(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var xi in x)
        {
            sum += xi * xi;
        }

        return sum;
    }
}

internal readonly struct SphereObjective : IPointObjective
{
    public double Value(ReadOnlySpan<double> x) => Sphere.Value(x);
}

/// <summary>The GPU twin of <see cref="Sphere.Value"/>, same order of operations.</summary>
public readonly struct SphereGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var sum = 0.0;
        for (var i = 0; i < point.IntLength; i++)
        {
            sum += point[i] * point[i];
        }

        return sum;
    }
}

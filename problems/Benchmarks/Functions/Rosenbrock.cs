using ILGPU;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Benchmarks.Functions;

/// <summary>f(x) = Σ_{i&lt;n} 100(x_{i+1} − x_i²)² + (1 − x_i)²: a curved valley. Minimum 0 at (1, ..., 1).</summary>
public static class Rosenbrock
{
    public static double Value(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var valley = x[i + 1] - (x[i] * x[i]);
            var offset = 1.0 - x[i];
            sum += (100.0 * valley * valley) + (offset * offset);
        }

        return sum;
    }
}

internal readonly struct RosenbrockObjective : IPointObjective
{
    public double Value(ReadOnlySpan<double> x) => Rosenbrock.Value(x);
}

/// <summary>The GPU twin of <see cref="Rosenbrock.Value"/>, same order of operations.</summary>
public readonly struct RosenbrockGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var sum = 0.0;
        for (var i = 0; i < point.IntLength - 1; i++)
        {
            var valley = point[i + 1] - (point[i] * point[i]);
            var offset = 1.0 - point[i];
            sum += (100.0 * valley * valley) + (offset * offset);
        }

        return sum;
    }
}

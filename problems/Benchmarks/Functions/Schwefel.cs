using ILGPU;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Benchmarks.Functions;

/// <summary>f(x) = 418.9828872724338·n − Σ x_i sin(√|x_i|): the best minimum lies far from the next best.
/// Minimum ≈ 0 at x_i = +420.9687... (the Playdoh paper prints −420.9687, where f ≈ 837.97 per coordinate).</summary>
public static class Schwefel
{
    /// <summary>max over x of x·sin(√|x|), rounded to a double: makes f ≈ 0 (1.3e-14 per coordinate) at the minimum.</summary>
    public const double Offset = 418.9828872724338;

    /// <summary>The root of sin(√x) + (√x/2)·cos(√x) = 0 near 421, to double precision.</summary>
    public const double OptimumCoordinate = 420.96874635998202731;

    public static double Value(ReadOnlySpan<double> x)
    {
        // The offset is subtracted per coordinate rather than as Offset·n at the end: near the minimum each term
        // is tiny, so this keeps f accurate to ~1e-13 whatever n is instead of losing digits to Offset·n.
        var sum = 0.0;
        foreach (var xi in x)
        {
            sum += Offset - (xi * Math.Sin(Math.Sqrt(Math.Abs(xi))));
        }

        return sum;
    }
}

internal readonly struct SchwefelObjective : IPointObjective
{
    public double Value(ReadOnlySpan<double> x) => Schwefel.Value(x);
}

/// <summary>The GPU twin of <see cref="Schwefel.Value"/>: the offset is subtracted per coordinate here too.</summary>
public readonly struct SchwefelGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var sum = 0.0;
        for (var i = 0; i < point.IntLength; i++)
        {
            var xi = point[i];
            sum += Schwefel.Offset - (xi * Math.Sin(Math.Sqrt(Math.Abs(xi))));
        }

        return sum;
    }
}

using ILGPU;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Benchmarks.Functions;

/// <summary>f(x) = −a·exp(−b·√(Σx²/n)) − exp(Σcos(c·x)/n) + a + e, with a = 20, b = 0.2, c = 2π.
/// Nearly flat far out, one deep hole at the origin where the minimum is 0.</summary>
public static class Ackley
{
    public const double A = 20.0;
    public const double B = 0.2;
    public const double C = 2.0 * Math.PI;

    public static double Value(ReadOnlySpan<double> x)
    {
        var sumSquares = 0.0;
        var sumCos = 0.0;
        foreach (var xi in x)
        {
            sumSquares += xi * xi;
            sumCos += Math.Cos(C * xi);
        }

        var n = (double)x.Length;

        // Grouped as a(1 − exp(..)) + (e − exp(..)) rather than in textbook order: at the origin both groups are
        // exactly 0, whereas −a − e + a + e leaves a rounding residue of a few 1e-15.
        return (A * (1.0 - Math.Exp(-B * Math.Sqrt(sumSquares / n)))) + (Math.E - Math.Exp(sumCos / n));
    }
}

internal readonly struct AckleyObjective : IPointObjective
{
    public double Value(ReadOnlySpan<double> x) => Ackley.Value(x);
}

/// <summary>The GPU twin of <see cref="Ackley.Value"/>, with its grouping a(1 − exp(..)) + (e − exp(..)).</summary>
public readonly struct AckleyGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var sumSquares = 0.0;
        var sumCos = 0.0;
        for (var i = 0; i < point.IntLength; i++)
        {
            var xi = point[i];
            sumSquares += xi * xi;
            sumCos += Math.Cos(Ackley.C * xi);
        }

        var n = (double)point.IntLength;
        return (Ackley.A * (1.0 - Math.Exp(-Ackley.B * Math.Sqrt(sumSquares / n)))) + (Math.E - Math.Exp(sumCos / n));
    }
}

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

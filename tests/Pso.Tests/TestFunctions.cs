namespace Workbench.Algorithms.Pso.Tests;

/// <summary>The test's own objectives: the optimiser never sees them, only their values.</summary>
internal static class TestFunctions
{
    public static double Sphere(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        foreach (var v in x)
        {
            s += v * v;
        }

        return s;
    }

    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var a = x[i + 1] - (x[i] * x[i]);
            var b = 1 - x[i];
            s += (100 * a * a) + (b * b);
        }

        return s;
    }

    public static double Rastrigin(ReadOnlySpan<double> x)
    {
        var s = 10.0 * x.Length;
        foreach (var v in x)
        {
            s += (v * v) - (10 * Math.Cos(2 * Math.PI * v));
        }

        return s;
    }
}

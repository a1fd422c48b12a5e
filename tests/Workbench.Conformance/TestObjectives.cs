namespace Workbench.Conformance;

/// <summary>Objectives that optimiser tests evaluate themselves (the optimiser never sees them, only their values).
/// Written independently of the benchmark plugin so a bug there cannot hide a bug here.</summary>
public static class TestObjectives
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

    /// <summary>Schwefel 2.26 shifted to a minimum of 0 at x_i = 420.9687 (domain [-500, 500]).</summary>
    public static double Schwefel(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        foreach (var v in x)
        {
            s += v * Math.Sin(Math.Sqrt(Math.Abs(v)));
        }

        return (418.9828872724338 * x.Length) - s;
    }
}

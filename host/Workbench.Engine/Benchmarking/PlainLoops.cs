namespace Workbench.Engine.Benchmarking;

/// <summary>Hand-written loops of a few benchmark functions: the baseline that plugin evaluation is measured
/// against (no interfaces, no guard, no plugin boundary).</summary>
public static class PlainLoops
{
    public static IReadOnlyDictionary<string, Action<double[], double[], int>> ById { get; } =
        new Dictionary<string, Action<double[], double[], int>>(StringComparer.Ordinal)
        {
            ["sphere"] = Sphere,
            ["rosenbrock"] = Rosenbrock,
            ["rastrigin"] = Rastrigin,
        };

    public static void Sphere(double[] points, double[] fitness, int d)
    {
        for (var i = 0; i < fitness.Length; i++)
        {
            var s = 0.0;
            for (var j = 0; j < d; j++)
            {
                var x = points[(i * d) + j];
                s += x * x;
            }

            fitness[i] = s;
        }
    }

    public static void Rosenbrock(double[] points, double[] fitness, int d)
    {
        for (var i = 0; i < fitness.Length; i++)
        {
            var s = 0.0;
            var o = i * d;
            for (var j = 0; j < d - 1; j++)
            {
                var x = points[o + j];
                var t = points[o + j + 1] - (x * x);
                s += (100 * t * t) + ((1 - x) * (1 - x));
            }

            fitness[i] = s;
        }
    }

    public static void Rastrigin(double[] points, double[] fitness, int d)
    {
        for (var i = 0; i < fitness.Length; i++)
        {
            var s = 10.0 * d;
            for (var j = 0; j < d; j++)
            {
                var x = points[(i * d) + j];
                s += (x * x) - (10 * Math.Cos(2 * Math.PI * x));
            }

            fitness[i] = s;
        }
    }
}

using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Workbench.Problems.Benchmarks;
using Workbench.Problems.Benchmarks.Factories;
using Xunit;

namespace Workbench.Problems.Tests;

/// <summary>Every benchmark factory, and the small helpers the tests share.</summary>
internal static class Catalogue
{
    public static readonly BenchmarkFactory[] All =
    [
        new SphereFactory(),
        new EllipsoidFactory(),
        new RosenbrockFactory(),
        new RastriginFactory(),
        new SchwefelFactory(),
        new AckleyFactory(),
        new GriewankFactory(),
    ];

    public static TheoryData<string> Ids => [.. All.Select(f => f.Id)];

    public static BenchmarkFactory Factory(string id) => All.Single(f => f.Id == id);

    public static IProblem Create(string id, int dimension, Bounds? bounds = null)
    {
        var factory = Factory(id);
        return factory.Create(factory.Options.Parse(new Dictionary<string, string>()), dimension, bounds);
    }

    /// <summary>n points drawn uniformly in the problem's bounds, row-major.</summary>
    public static double[] RandomPoints(IProblem problem, int n, ulong seed)
    {
        var random = new RandomStream(seed);
        var d = problem.Dimension;
        var points = new double[n * d];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = random.NextDouble(problem.Bounds.Lower[i % d], problem.Bounds.Upper[i % d]);
        }

        return points;
    }

    public static double EvaluateOne(IProblem problem, params double[] point)
    {
        var fitness = new double[1];
        problem.Evaluate(point, fitness);
        return fitness[0];
    }
}

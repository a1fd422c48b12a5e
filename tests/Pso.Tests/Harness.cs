using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

namespace Workbench.Algorithms.Pso.Tests;

internal delegate double Objective(ReadOnlySpan<double> x);

/// <summary>The host's run loop in miniature: ask, evaluate every row, tell.</summary>
internal static class Harness
{
    public static readonly PsoFactory Factory = new();

    public static ProblemInfo Problem(int dimension, double lower, double upper) =>
        new("test", dimension, Bounds.Uniform(dimension, lower, upper));

    public static IOptimizer Create(ProblemInfo problem, ulong seed, params (string Name, string Value)[] options) =>
        Factory.Create(problem, Factory.Options.Parse(options.ToDictionary(o => o.Name, o => o.Value)), seed);

    public static void Step(IOptimizer optimizer, Objective f, double[] fitness)
    {
        var batch = optimizer.Ask().Span;
        var d = optimizer.Dimension;
        for (var i = 0; i < fitness.Length; i++)
        {
            fitness[i] = f(batch.Slice(i * d, d));
        }

        optimizer.Tell(fitness);
    }

    public static double Run(IOptimizer optimizer, Objective f, int iterations)
    {
        var fitness = new double[((IMigrationSupport)optimizer).PopulationSize];
        for (var t = 0; t < iterations; t++)
        {
            Step(optimizer, f, fitness);
        }

        return optimizer.BestFitness;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}

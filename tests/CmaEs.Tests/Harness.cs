using Workbench.Algorithms.CmaEs;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;

namespace Workbench.Algorithms.CmaEs.Tests;

/// <summary>A minimal run loop: ask, evaluate, tell; stop at the end of the iteration that reaches the
/// target, when the evaluations reach the budget, or when the optimiser gives a stop reason.</summary>
internal static class Harness
{
    public delegate double Objective(ReadOnlySpan<double> x);

    public sealed record Result(double Best, long Evaluations, int Iterations, string? StopReason, bool Reached);

    public static IOptimizer Create(int n, double lo, double hi, ulong seed, params (string Key, string Value)[] options)
    {
        var factory = new CmaEsFactory();
        var values = factory.Options.Parse(options.ToDictionary(o => o.Key, o => o.Value));
        return factory.Create(new ProblemInfo("test", n, Bounds.Uniform(n, lo, hi)), values, seed);
    }

    public static Result Run(IOptimizer optimizer, Objective f, double target, long maxEvaluations, int maxIterations = int.MaxValue)
    {
        var n = optimizer.Dimension;
        var fitness = new double[4096];
        long evaluations = 0;
        var iterations = 0;
        while (evaluations < maxEvaluations && iterations < maxIterations)
        {
            var batch = optimizer.Ask().Span;
            var count = batch.Length / n;
            if (fitness.Length < count)
            {
                fitness = new double[count];
            }

            for (var k = 0; k < count; k++)
            {
                fitness[k] = f(batch.Slice(k * n, n));
            }

            optimizer.Tell(fitness.AsSpan(0, count));
            evaluations += count;
            iterations++;
            if (optimizer.BestFitness <= target || optimizer.StopReason is not null)
            {
                break;
            }
        }

        return new Result(optimizer.BestFitness, evaluations, iterations, optimizer.StopReason, optimizer.BestFitness <= target);
    }

    public static double Sphere(ReadOnlySpan<double> x) => Workbench.Conformance.TestObjectives.Sphere(x);

    public static double Rosenbrock(ReadOnlySpan<double> x) => Workbench.Conformance.TestObjectives.Rosenbrock(x);

    public static double Rastrigin(ReadOnlySpan<double> x) => Workbench.Conformance.TestObjectives.Rastrigin(x);

    public static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return (v.Length & 1) == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }
}

using Workbench.Contracts.Problems;
using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Xunit;

namespace Workbench.Problems.Tests;

/// <summary>The benchmark problems under the engine's evaluators and guard.</summary>
public sealed class EvaluatorTests
{
    private const int Points = 20_011; // > 10^4 and prime, so chunks of 2 or 3 workers are uneven

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public async Task Serial_and_multicore_evaluators_give_bit_identical_fitness(string id)
    {
        var problem = Catalogue.Create(id, 8);
        var points = Catalogue.RandomPoints(problem, Points, seed: 21);
        var reference = await Evaluate(new SerialEvaluator(problem), points);

        foreach (var workers in new[] { 2, 3 })
        {
            using var evaluator = new MulticoreEvaluator(problem, workers);
            Assert.Equal(workers, evaluator.Workers);
            var fitness = await Evaluate(evaluator, points);
            Assert.Equal(Bits(reference), Bits(fitness));
        }
    }

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public async Task The_guard_passes_fitness_through_and_counts_evaluations(string id)
    {
        var problem = Catalogue.Create(id, 5);
        var guard = new ProblemGuard(problem, "benchmarks", NonFinitePolicy.Error);
        Assert.Equal(problem.Traits, guard.Traits);
        Assert.Same(problem.Optimum, guard.Optimum);

        var points = Catalogue.RandomPoints(problem, Points, seed: 22);
        var unguarded = new double[Points];
        problem.Evaluate(points, unguarded);
        using var evaluator = new MulticoreEvaluator(guard, 2);
        var guarded = await Evaluate(evaluator, points);

        Assert.Equal(Bits(unguarded), Bits(guarded));
        Assert.Equal(Points, guard.Evaluations);
    }

    [Fact]
    public void The_guard_rejects_a_point_outside_overridden_bounds()
    {
        var problem = Catalogue.Create("rastrigin", 2, new Bounds([-1, -1], [1, 1]));
        var guard = new ProblemGuard(problem, "benchmarks", NonFinitePolicy.Error);
        var ex = Assert.Throws<PluginFailureException>(() => guard.Evaluate([0.5, 1.5], new double[1]));
        Assert.Contains("coordinate 1", ex.Message);
    }

    private static async Task<double[]> Evaluate(IEvaluator evaluator, double[] points)
    {
        var fitness = new double[Points];
        await evaluator.EvaluateAsync(points, fitness, CancellationToken.None);
        return fitness;
    }

    private static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);
}

using Workbench.Contracts.Optimizers;
using Xunit;

namespace Workbench.Algorithms.Ga.Tests;

public sealed class GaProtocolTests
{
    private static readonly ProblemInfo Problem = Harness.Problem(4, -3, 5);

    private static double[][] Batches(ulong seed, int generations, params (string, string)[] options)
    {
        var ga = Harness.Create(Problem, seed, options);
        var fitness = new double[((IMigrationSupport)ga).PopulationSize];
        var batches = new List<double[]>();
        for (var t = 0; t < generations; t++)
        {
            batches.Add(ga.Ask().ToArray());
            var batch = batches[^1];
            var n = batch.Length / 4;
            for (var i = 0; i < n; i++)
            {
                fitness[i] = TestFunctions.Rastrigin(batch.AsSpan(i * 4, 4));
            }

            ga.Tell(fitness.AsSpan(0, n));
        }

        return [.. batches];
    }

    [Theory]
    [InlineData("sbx", "polynomial")]
    [InlineData("blx", "gaussian")]
    public void Same_seed_gives_identical_batches_and_different_seeds_differ(string crossover, string mutation)
    {
        var a = Batches(7, 20, ("crossover", crossover), ("mutation", mutation));
        var b = Batches(7, 20, ("crossover", crossover), ("mutation", mutation));
        var c = Batches(8, 20, ("crossover", crossover), ("mutation", mutation));
        for (var t = 0; t < a.Length; t++)
        {
            Assert.Equal(a[t], b[t]);
        }

        Assert.NotEqual(a[0], c[0]);
        Assert.NotEqual(a[^1], c[^1]);
    }

    [Fact]
    public void First_ask_is_the_whole_population_then_each_generation_asks_for_the_offspring_only()
    {
        var ga = Harness.Create(Problem, 1, ("population", "51"), ("elite", "4"));
        var fitness = new double[51];
        Assert.Equal(51, Harness.Step(ga, TestFunctions.Sphere, fitness));
        Assert.Equal(47, Harness.Step(ga, TestFunctions.Sphere, fitness));
        Assert.Equal(47, Harness.Step(ga, TestFunctions.Sphere, fitness));

        // Automatic elite: 1% of the population.
        var big = Harness.Create(Harness.Problem(2, 0, 1), 1, ("population", "1000"));
        fitness = new double[1000];
        Assert.Equal(1000, Harness.Step(big, TestFunctions.Sphere, fitness));
        Assert.Equal(990, Harness.Step(big, TestFunctions.Sphere, fitness));
    }

    [Theory]
    [InlineData("sbx", "polynomial", "1")]
    [InlineData("sbx", "gaussian", "0.5")]
    [InlineData("blx", "polynomial", "0.5")]
    [InlineData("blx", "gaussian", "1")]
    public void Asked_points_always_lie_in_bounds(string crossover, string mutation, string rate)
    {
        // The optimum far outside the box drives the population into the wall.
        var ga = Harness.Create(Problem, 3, ("crossover", crossover), ("mutation", mutation), ("mutation-rate", rate),
            ("mutation-sigma", "3"), ("blx-alpha", "2"), ("population", "30"));
        var fitness = new double[30];
        for (var t = 0; t < 60; t++)
        {
            var batch = ga.Ask().Span;
            var n = batch.Length / 4;
            for (var i = 0; i < n; i++)
            {
                var x = batch.Slice(i * 4, 4);
                Assert.True(Problem.Bounds.Contains(x), $"generation {t}, individual {i} out of bounds");
                fitness[i] = Math.Abs(x[0] - 40) + TestFunctions.Sphere(x[1..]);
            }

            ga.Tell(fitness.AsSpan(0, n));
        }
    }

    [Fact]
    public void Calls_must_alternate_and_tell_must_match_the_batch()
    {
        var ga = Harness.Create(Problem, 1, ("population", "10"), ("elite", "2"));
        Assert.Throws<InvalidOperationException>(() => ga.Tell(new double[10]));
        ga.Ask();
        Assert.Throws<InvalidOperationException>(() => ga.Ask());
        Assert.Throws<ArgumentException>(() => ga.Tell(new double[8]));
        ga.Tell(new double[10]);
        ga.Ask();
        Assert.Throws<ArgumentException>(() => ga.Tell(new double[10]));
        ga.Tell(new double[8]);
    }

    [Fact]
    public void Best_tracks_the_lowest_fitness_told_and_ignores_nan()
    {
        var ga = Harness.Create(Problem, 1, ("population", "5"), ("elite", "1"));
        Assert.Equal(double.PositiveInfinity, ga.BestFitness);
        Assert.True(ga.BestPoint.IsEmpty);
        var batch = ga.Ask().ToArray();
        ga.Tell([3, 1, double.NaN, 2, 5]);
        Assert.Equal(1, ga.BestFitness);
        Assert.Equal(batch.AsSpan(4, 4).ToArray(), ga.BestPoint.ToArray());
        Assert.Null(ga.StopReason);

        // The elite (the individual with fitness 1) survives unchanged, in front of the new offspring.
        var migration = (IMigrationSupport)ga;
        ga.Ask();
        ga.Tell([double.NaN, double.NaN, double.NaN, double.NaN]);
        var best = new double[1];
        var point = new double[4];
        migration.CopyBest(point, best);
        Assert.Equal(1, best[0]);
        Assert.Equal(batch.AsSpan(4, 4).ToArray(), point);
    }

    [Fact]
    public void Diversity_is_normalised_and_shrinks_as_the_population_converges()
    {
        var ga = Harness.Create(Problem, 2);
        Assert.Equal(["diversity"], ga.ExtraNames);
        var values = new double[1];
        ga.GetExtras(values);
        Assert.True(double.IsNaN(values[0]));
        var fitness = new double[100];
        Harness.Step(ga, TestFunctions.Sphere, fitness);
        ga.GetExtras(values);
        var initial = values[0];
        Assert.InRange(initial, 0.2, 0.6);
        for (var t = 0; t < 200; t++)
        {
            Harness.Step(ga, TestFunctions.Sphere, fitness);
        }

        ga.GetExtras(values);
        Assert.InRange(values[0], 0, initial / 5);
    }

    [Theory]
    [InlineData("sbx", "polynomial")]
    [InlineData("blx", "gaussian")]
    public void Steady_state_generations_and_migration_allocate_nothing(string crossover, string mutation)
    {
        var ga = Harness.Create(Problem, 4, ("crossover", crossover), ("mutation", mutation), ("elite", "12"));
        var migration = (IMigrationSupport)ga;
        var fitness = new double[100];
        var extras = new double[1];
        var points = new double[3 * 4];
        var best = new double[3];
        for (var t = 0; t < 20; t++)
        {
            Harness.Step(ga, TestFunctions.Sphere, fitness);
            ga.GetExtras(extras);
            migration.CopyBest(points, best);
            migration.ReplaceWorst(points, best);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var t = 0; t < 50; t++)
        {
            Harness.Step(ga, TestFunctions.Sphere, fitness);
            ga.GetExtras(extras);
            migration.CopyBest(points, best);
            migration.ReplaceWorst(points, best);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

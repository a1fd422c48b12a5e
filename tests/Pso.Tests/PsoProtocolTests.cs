using Workbench.Contracts.Optimizers;
using Xunit;

namespace Workbench.Algorithms.Pso.Tests;

public sealed class PsoProtocolTests
{
    private static readonly ProblemInfo Problem = Harness.Problem(4, -3, 5);

    private static double[][] Batches(ulong seed, int iterations, params (string, string)[] options)
    {
        var pso = Harness.Create(Problem, seed, options);
        var fitness = new double[((IMigrationSupport)pso).PopulationSize];
        var batches = new List<double[]>();
        for (var t = 0; t < iterations; t++)
        {
            batches.Add(pso.Ask().ToArray());
            var batch = batches[^1];
            for (var i = 0; i < fitness.Length; i++)
            {
                fitness[i] = TestFunctions.Rastrigin(batch.AsSpan(i * 4, 4));
            }

            pso.Tell(fitness);
        }

        return [.. batches];
    }

    [Theory]
    [InlineData("constriction", "gbest")]
    [InlineData("constriction", "ring")]
    [InlineData("spso2011", "gbest")]
    [InlineData("spso2011", "ring")]
    public void Same_seed_gives_identical_batches_and_different_seeds_differ(string variant, string topology)
    {
        var a = Batches(7, 20, ("variant", variant), ("topology", topology));
        var b = Batches(7, 20, ("variant", variant), ("topology", topology));
        var c = Batches(8, 20, ("variant", variant), ("topology", topology));
        Assert.Equal(a.Length, b.Length);
        for (var t = 0; t < a.Length; t++)
        {
            Assert.Equal(a[t], b[t]);
        }

        Assert.NotEqual(a[0], c[0]);
        Assert.NotEqual(a[^1], c[^1]);
    }

    [Theory]
    [InlineData("constriction", "absorb", "2")]
    [InlineData("constriction", "reflect", "2")]
    [InlineData("spso2011", "absorb", "0.5")]
    [InlineData("spso2011", "reflect", "0.5")]
    public void Asked_points_always_lie_in_bounds(string variant, string boundary, string vmax)
    {
        // The optimum of Sphere shifted outside the box pulls particles into the walls all the time.
        var pso = Harness.Create(Problem, 3, ("variant", variant), ("boundary", boundary), ("vmax-fraction", vmax), ("swarm-size", "30"));
        var fitness = new double[30];
        for (var t = 0; t < 60; t++)
        {
            var batch = pso.Ask().Span;
            Assert.Equal(30 * 4, batch.Length);
            for (var i = 0; i < 30; i++)
            {
                var x = batch.Slice(i * 4, 4);
                Assert.True(Problem.Bounds.Contains(x), $"iteration {t}, particle {i} out of bounds");
                fitness[i] = Math.Abs(x[0] - 40) + TestFunctions.Sphere(x[1..]);
            }

            pso.Tell(fitness);
        }

        Assert.Equal(5.0, pso.BestPoint[0], 12);
    }

    [Fact]
    public void Calls_must_alternate_and_tell_must_match_the_batch()
    {
        var pso = Harness.Create(Problem, 1, ("swarm-size", "10"));
        Assert.Throws<InvalidOperationException>(() => pso.Tell(new double[10]));
        pso.Ask();
        Assert.Throws<InvalidOperationException>(() => pso.Ask());
        Assert.Throws<ArgumentException>(() => pso.Tell(new double[9]));
    }

    [Fact]
    public void Best_is_empty_before_the_first_tell_and_tracks_the_lowest_fitness_told()
    {
        var pso = Harness.Create(Problem, 1, ("swarm-size", "5"));
        Assert.Equal(double.PositiveInfinity, pso.BestFitness);
        Assert.True(pso.BestPoint.IsEmpty);
        var batch = pso.Ask().ToArray();
        pso.Tell([3, 1, double.NaN, 2, 5]);
        Assert.Equal(1, pso.BestFitness);
        Assert.Equal(batch.AsSpan(4, 4).ToArray(), pso.BestPoint.ToArray());
        Assert.Null(pso.StopReason);
    }

    [Fact]
    public void Diversity_is_normalised_and_shrinks_as_the_swarm_converges()
    {
        var pso = Harness.Create(Problem, 2, ("swarm-size", "40"));
        Assert.Equal(["diversity"], pso.ExtraNames);
        var values = new double[1];
        pso.GetExtras(values);
        Assert.True(double.IsNaN(values[0]));
        var fitness = new double[40];
        Harness.Step(pso, TestFunctions.Sphere, fitness);
        pso.GetExtras(values);
        var initial = values[0];

        // Uniform points in a box: mean distance to the centre is roughly 0.29-0.5 of the diagonal.
        Assert.InRange(initial, 0.2, 0.6);
        for (var t = 0; t < 200; t++)
        {
            Harness.Step(pso, TestFunctions.Sphere, fitness);
        }

        pso.GetExtras(values);
        Assert.InRange(values[0], 0, initial / 100);
    }

    [Theory]
    [InlineData("constriction", "gbest")]
    [InlineData("spso2011", "ring")]
    public void Steady_state_iterations_and_migration_allocate_nothing(string variant, string topology)
    {
        var pso = Harness.Create(Problem, 4, ("variant", variant), ("topology", topology));
        var migration = (IMigrationSupport)pso;
        var fitness = new double[40];
        var extras = new double[1];
        var points = new double[2 * 4];
        var best = new double[2];
        void Iterate(int count)
        {
            for (var t = 0; t < count; t++)
            {
                Harness.Step(pso, TestFunctions.Sphere, fitness);
                pso.GetExtras(extras);
                migration.CopyBest(points, best);
                migration.ReplaceWorst(points, best);
            }
        }

        // Warm up every call in the loop body first: first calls may run type initialisers and JIT helpers.
        Iterate(50);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Iterate(50);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

using Xunit;

namespace Workbench.Algorithms.CmaEs.Tests;

public sealed class DeterminismTests
{
    private static List<double[]> Batches(ulong seed, params (string, string)[] options)
    {
        var optimizer = Harness.Create(6, -3, 3, seed, options);
        var batches = new List<double[]>();
        for (var it = 0; it < 40; it++)
        {
            var batch = optimizer.Ask().ToArray();
            batches.Add(batch);
            var fitness = new double[batch.Length / 6];
            for (var k = 0; k < fitness.Length; k++)
            {
                fitness[k] = Harness.Rosenbrock(batch.AsSpan(k * 6, 6));
            }

            optimizer.Tell(fitness);
        }

        return batches;
    }

    [Fact]
    public void Same_seed_gives_identical_batches()
    {
        var a = Batches(42);
        var b = Batches(42);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i], b[i]);
        }
    }

    [Fact]
    public void Same_seed_gives_identical_batches_across_restarts()
    {
        var a = Batches(7, ("restarts", "bipop"), ("tolfun", "1e3"));
        var b = Batches(7, ("restarts", "bipop"), ("tolfun", "1e3"));
        Assert.All(a.Zip(b), pair => Assert.Equal(pair.First, pair.Second));
    }

    [Fact]
    public void Different_seeds_give_different_batches()
    {
        Assert.NotEqual(Batches(1)[0], Batches(2)[0]);
    }

    [Fact]
    public void Ask_twice_without_tell_is_an_error()
    {
        var optimizer = Harness.Create(3, -1, 1, 1);
        optimizer.Ask();
        Assert.Throws<InvalidOperationException>(() => optimizer.Ask());
    }

    [Fact]
    public void Tell_with_wrong_count_is_an_error()
    {
        var optimizer = Harness.Create(3, -1, 1, 1);
        optimizer.Ask();
        Assert.Throws<ArgumentException>(() => optimizer.Tell(new double[1]));
    }

    [Fact]
    public void Best_point_is_empty_before_the_first_tell_and_matches_best_fitness_after()
    {
        var optimizer = Harness.Create(4, -5, 5, 3);
        Assert.True(optimizer.BestPoint.IsEmpty);
        Assert.Equal(double.PositiveInfinity, optimizer.BestFitness);
        Harness.Run(optimizer, Harness.Sphere, 0, 200);
        Assert.Equal(optimizer.BestFitness, Harness.Sphere(optimizer.BestPoint));
    }
}

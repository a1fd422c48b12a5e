using Workbench.Contracts.Optimizers;
using Xunit;

namespace Workbench.Algorithms.Ga.Tests;

public sealed class GaMigrationTests
{
    private static readonly ProblemInfo Problem = Harness.Problem(3, -5, 5);

    private static (IOptimizer Ga, IMigrationSupport Migration, double[] Fitness) Told()
    {
        var ga = Harness.Create(Problem, 11, ("population", "10"), ("elite", "2"));
        var fitness = new double[10];
        Harness.Step(ga, TestFunctions.Sphere, fitness);
        return (ga, (IMigrationSupport)ga, fitness);
    }

    [Fact]
    public void CopyBest_returns_the_best_individuals_best_first()
    {
        var (ga, migration, fitness) = Told();
        Assert.Equal(10, migration.PopulationSize);
        var points = new double[3 * 3];
        var best = new double[3];
        migration.CopyBest(points, best);
        Assert.Equal(fitness.Order().Take(3).ToArray(), best);
        Assert.Equal(ga.BestPoint.ToArray(), points[..3]);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(best[k], TestFunctions.Sphere(points.AsSpan(k * 3, 3)));
        }
    }

    [Fact]
    public void ReplaceWorst_overwrites_the_worst_and_a_good_migrant_survives_as_elite()
    {
        var (ga, migration, fitness) = Told();
        var worst = fitness.Order().Skip(8).ToArray();
        migration.ReplaceWorst([0.1, 0.1, 0.1, 0.5, 0.5, 0.5], [0.03, 0.75]);
        Assert.Equal(0.03, ga.BestFitness);
        Assert.Equal([0.1, 0.1, 0.1], ga.BestPoint.ToArray());

        var all = new double[10];
        var points = new double[30];
        migration.CopyBest(points, all);
        Assert.Equal(0.03, all[0]);
        Assert.Contains(0.75, all);
        Assert.DoesNotContain(worst[0], all);
        Assert.DoesNotContain(worst[1], all);

        // After a generation in which every offspring is terrible, the migrant is still there, unchanged.
        ga.Ask();
        ga.Tell(Enumerable.Repeat(1e9, 8).ToArray());
        migration.CopyBest(points.AsSpan(0, 3), all.AsSpan(0, 1));
        Assert.Equal(0.03, all[0]);
        Assert.Equal([0.1, 0.1, 0.1], points[..3]);
    }

    [Fact]
    public void Migration_outside_the_tell_ask_window_or_with_bad_sizes_is_refused()
    {
        var ga = Harness.Create(Problem, 1, ("population", "10"));
        var migration = (IMigrationSupport)ga;
        Assert.Throws<InvalidOperationException>(() => migration.CopyBest(new double[3], new double[1]));
        ga.Ask();
        Assert.Throws<InvalidOperationException>(() => migration.ReplaceWorst(new double[3], new double[1]));
        ga.Tell(new double[10]);
        Assert.Throws<ArgumentException>(() => migration.CopyBest(new double[4], new double[1]));
        Assert.Throws<ArgumentException>(() => migration.ReplaceWorst(new double[33], new double[11]));
    }
}

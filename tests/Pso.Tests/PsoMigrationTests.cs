using Workbench.Contracts.Optimizers;
using Xunit;

namespace Workbench.Algorithms.Pso.Tests;

public sealed class PsoMigrationTests
{
    private static readonly ProblemInfo Problem = Harness.Problem(3, -5, 5);

    private static (IOptimizer Pso, IMigrationSupport Migration, double[] Fitness) Told(int size = 10)
    {
        var pso = Harness.Create(Problem, 11, ("swarm-size", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var fitness = new double[size];
        Harness.Step(pso, TestFunctions.Sphere, fitness);
        return (pso, (IMigrationSupport)pso, fitness);
    }

    [Fact]
    public void CopyBest_returns_the_best_personal_bests_best_first()
    {
        var (pso, migration, fitness) = Told();
        Assert.Equal(10, migration.PopulationSize);
        var points = new double[3 * 3];
        var best = new double[3];
        migration.CopyBest(points, best);
        var expected = fitness.Order().Take(3).ToArray();
        Assert.Equal(expected, best);
        Assert.Equal(pso.BestFitness, best[0]);
        Assert.Equal(pso.BestPoint.ToArray(), points[..3]);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(best[k], TestFunctions.Sphere(points.AsSpan(k * 3, 3)));
        }
    }

    [Fact]
    public void ReplaceWorst_installs_migrants_as_personal_bests_and_may_improve_the_best()
    {
        var (pso, migration, fitness) = Told();
        var worstBefore = fitness.Order().Skip(8).ToArray();
        double[] migrants = [0.1, 0.1, 0.1, 0.5, 0.5, 0.5];
        migration.ReplaceWorst(migrants, [0.03, 0.75]);
        Assert.Equal(0.03, pso.BestFitness);
        Assert.Equal([0.1, 0.1, 0.1], pso.BestPoint.ToArray());

        var points = new double[10 * 3];
        var all = new double[10];
        migration.CopyBest(points, all);
        Assert.Equal(0.03, all[0]);
        Assert.Contains(0.75, all);
        Assert.DoesNotContain(worstBefore[0], all);
        Assert.DoesNotContain(worstBefore[1], all);

        // The swarm carries on from the migrants: the next move pulls everyone towards (0.1, 0.1, 0.1).
        var next = pso.Ask().Span;
        Assert.True(Problem.Bounds.Contains(next[..3]));
    }

    [Fact]
    public void Migration_outside_the_tell_ask_window_or_with_bad_sizes_is_refused()
    {
        var pso = Harness.Create(Problem, 1, ("swarm-size", "10"));
        var migration = (IMigrationSupport)pso;
        Assert.Throws<InvalidOperationException>(() => migration.CopyBest(new double[3], new double[1]));
        pso.Ask();
        Assert.Throws<InvalidOperationException>(() => migration.ReplaceWorst(new double[3], new double[1]));
        pso.Tell(new double[10]);
        Assert.Throws<ArgumentException>(() => migration.CopyBest(new double[4], new double[1]));
        Assert.Throws<ArgumentException>(() => migration.CopyBest(new double[33], new double[11]));
    }
}

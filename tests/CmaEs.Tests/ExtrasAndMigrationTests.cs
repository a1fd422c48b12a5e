using Workbench.Contracts.Optimizers;
using Xunit;

namespace Workbench.Algorithms.CmaEs.Tests;

public sealed class ExtrasAndMigrationTests
{
    [Fact]
    public void Extras_report_sigma_restart_lambda_axis_ratio_and_coordinate_spreads()
    {
        var optimizer = Harness.Create(10, -5, 5, 1, ("lambda", "12"));
        Assert.Equal(["sigma", "restart", "lambda", "axis-ratio", "min-std", "max-std"], optimizer.ExtraNames);
        var extras = new double[6];
        optimizer.GetExtras(extras);
        Assert.Equal(3.0, extras[0], 12); // 0.3 x width 10
        Assert.Equal(0, extras[1]);
        Assert.Equal(12, extras[2]);
        Assert.Equal(1, extras[3]);
        Assert.Equal(3.0, extras[4], 12);
        Assert.Equal(3.0, extras[5], 12);

        // An ellipsoid with condition 1e4 makes the axis ratio approach 100.
        Harness.Run(optimizer, x =>
        {
            double s = 0;
            for (var i = 0; i < x.Length; i++)
            {
                s += Math.Pow(1e4, i / (x.Length - 1.0)) * x[i] * x[i];
            }

            return s;
        }, 1e-12, 20_000);
        optimizer.GetExtras(extras);
        Assert.InRange(extras[3], 30, 300);
        Assert.True(extras[0] > 0 && extras[0] < 0.1);
        // The most stretched coordinate (weight 1) spreads far wider than the least (weight 1e4).
        Assert.True(extras[4] > 0 && extras[5] > 10 * extras[4], $"min-std {extras[4]}, max-std {extras[5]}");
    }

    [Fact]
    public void Max_std_extra_stays_at_the_cap_while_sigma_grows()
    {
        // Random fitness: step-size control drifts σ up, the cap (1/3 of width 10) holds the real spread.
        // One run: a restart would begin again from sigma0 (restarts are the default).
        var optimizer = Harness.Create(4, -5, 5, 3, ("sigma0", "3"), ("restarts", "none"));
        var rng = new Random(1);
        Harness.Run(optimizer, _ => rng.NextDouble(), double.NegativeInfinity, 4000);
        var extras = new double[6];
        optimizer.GetExtras(extras);
        Assert.True(extras[0] > 10.0 / 3, $"sigma {extras[0]}"); // σ alone would break the cap
        Assert.True(extras[5] <= (10.0 / 3) * (1 + 1e-12), $"max-std {extras[5]}");
    }

    private static (CmaEsOptimizer Optimizer, double[] Batch) OneGeneration()
    {
        var optimizer = (CmaEsOptimizer)Harness.Create(3, -5, 5, 2);
        var batch = optimizer.Ask().ToArray();
        var fitness = new double[batch.Length / 3];
        for (var k = 0; k < fitness.Length; k++)
        {
            fitness[k] = Harness.Sphere(batch.AsSpan(k * 3, 3));
        }

        optimizer.Tell(fitness);
        return (optimizer, batch);
    }

    [Fact]
    public void CopyBest_returns_the_best_of_the_last_generation_best_first()
    {
        var (optimizer, _) = OneGeneration();
        IMigrationSupport migration = optimizer;
        Assert.Equal(7, migration.PopulationSize);
        var points = new double[9];
        var fitness = new double[3];
        migration.CopyBest(points, fitness);
        Assert.Equal(optimizer.BestFitness, fitness[0]);
        Assert.True(fitness[0] <= fitness[1] && fitness[1] <= fitness[2]);
        Assert.Equal(fitness[1], Harness.Sphere(points.AsSpan(3, 3)));
    }

    [Fact]
    public void ReplaceWorst_makes_migrants_take_part_in_the_update()
    {
        var (optimizer, _) = OneGeneration();
        var (reference, _) = OneGeneration();
        double[] migrant = [0.01, 0.01, 0.01];
        optimizer.ReplaceWorst(migrant, [3e-4]);

        // The migrant is now the best of the generation, so recombination pulls the mean to it.
        Assert.Equal(3e-4, optimizer.BestFitness);
        Assert.Equal(migrant, optimizer.BestPoint.ToArray());
        var points = new double[3];
        var fitness = new double[1];
        optimizer.CopyBest(points, fitness);
        Assert.Equal(migrant, points);
        Assert.NotEqual(reference.Ask().ToArray(), optimizer.Ask().ToArray());
    }

    [Fact]
    public void ReplaceWorst_with_no_migrants_redoes_exactly_the_same_update()
    {
        var (optimizer, _) = OneGeneration();
        var (reference, _) = OneGeneration();
        optimizer.ReplaceWorst([], []);
        optimizer.ReplaceWorst([], []);
        Assert.Equal(reference.Ask().ToArray(), optimizer.Ask().ToArray());
    }

    [Fact]
    public void Migration_outside_tell_and_ask_is_an_error()
    {
        var optimizer = (CmaEsOptimizer)Harness.Create(3, -5, 5, 2);
        Assert.Throws<InvalidOperationException>(() => optimizer.CopyBest(new double[3], new double[1]));
        optimizer.Ask();
        Assert.Throws<InvalidOperationException>(() => optimizer.ReplaceWorst(new double[3], new double[1]));
    }
}

using Xunit;

namespace Workbench.Algorithms.CmaEs.Tests;

public sealed class RestartTests
{
    private sealed record RunStart(int Restart, int Lambda, Regime Regime, long LargeBefore, long SmallBefore);

    /// <summary>Drives a flat function, on which every run ends by tolfun after 10 + 30n/λ iterations.</summary>
    private static (List<RunStart> Runs, CmaEsOptimizer Optimizer) DriveFlat(string strategy, int maxRestarts)
    {
        var optimizer = (CmaEsOptimizer)Harness.Create(4, -1, 1, 11, ("restarts", strategy), ("max-restarts", maxRestarts.ToString()), ("tolfun", "1e-11"));
        var runs = new List<RunStart>();
        var extras = new double[optimizer.ExtraNames.Count];
        for (var it = 0; it < 5000 && optimizer.StopReason is null; it++)
        {
            var (large, small) = (optimizer.Schedule.LargeEvaluations, optimizer.Schedule.SmallEvaluations);
            var batch = optimizer.Ask();
            optimizer.GetExtras(extras);
            var restart = (int)extras[1];
            if (runs.Count == restart)
            {
                runs.Add(new RunStart(restart, (int)extras[2], optimizer.Schedule.Current.Regime, large, small));
            }

            optimizer.Tell(new double[batch.Length / 4]);
        }

        return (runs, optimizer);
    }

    [Fact]
    public void Ipop_doubles_lambda_each_restart_and_stops_after_max_restarts()
    {
        var (runs, optimizer) = DriveFlat("ipop", 4);
        Assert.Equal([8, 16, 32, 64, 128], runs.Select(r => r.Lambda));
        Assert.All(runs, r => Assert.Equal(Regime.Large, r.Regime));
        Assert.Equal("tolfun", optimizer.StopReason);
    }

    [Fact]
    public void Without_restarts_tolfun_is_off_by_default_so_a_converging_run_uses_the_users_budget()
    {
        var optimizer = Harness.Create(5, -2.2, 2.2, 1, ("lambda", "80"), ("restarts", "none"));
        var best = Harness.Run(optimizer, Harness.Rosenbrock, double.NegativeInfinity, long.MaxValue, maxIterations: 150).Best;
        Assert.NotEqual("tolfun", optimizer.StopReason);
        Assert.True(best < 1e-20, $"best {best}, stop {optimizer.StopReason}");
    }

    [Fact]
    public void Without_restarts_the_first_criterion_is_the_stop_reason()
    {
        var (runs, optimizer) = DriveFlat("none", 9);
        Assert.Single(runs);
        Assert.Equal("tolfun", optimizer.StopReason);
    }

    [Fact]
    public void Bipop_gives_the_next_run_to_the_regime_that_used_fewer_evaluations()
    {
        var (runs, optimizer) = DriveFlat("bipop", 12);
        Assert.Equal(13, runs.Count);
        Assert.Equal(Regime.Large, runs[0].Regime);
        Assert.Equal(Regime.Small, runs[1].Regime);
        var largeRuns = 1;
        foreach (var run in runs.Skip(1))
        {
            var expected = run.SmallBefore < run.LargeBefore ? Regime.Small : Regime.Large;
            Assert.Equal(expected, run.Regime);
            if (run.Regime == Regime.Large)
            {
                largeRuns++;
                Assert.Equal(8 << (largeRuns - 1), run.Lambda);
            }
            else
            {
                // λ_def <= λ_s <= λ_l / 2 with λ_l the next large population size.
                Assert.InRange(run.Lambda, 8, 8 << (largeRuns - 1));
            }
        }

        Assert.Contains(runs.Skip(2), r => r.Regime == Regime.Large);
        Assert.True(runs.Count(r => r.Regime == Regime.Small) >= 3);
        Assert.NotNull(optimizer.StopReason);
    }

    [Fact]
    public void Best_ever_point_is_kept_across_restarts()
    {
        var optimizer = Harness.Create(10, -5.12, 5.12, 3, ("restarts", "ipop"), ("max-restarts", "2"));
        var result = Harness.Run(optimizer, Harness.Rastrigin, 1e-8, 200_000);
        Assert.Equal(result.Best, Harness.Rastrigin(optimizer.BestPoint));
    }
}

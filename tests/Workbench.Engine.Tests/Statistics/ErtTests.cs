using Workbench.Engine.Statistics;
using Xunit;

namespace Workbench.Engine.Tests.Statistics;

public sealed class ErtTests
{
    [Fact]
    public void Ert_sums_the_evaluations_of_every_trial_and_divides_by_the_successes()
    {
        // Hand-computed: hits at 100 and 300; one miss that used its whole budget of 1000; (100 + 300 + 1000) / 2.
        var ert = Ert.Of([new Trial(150, 100), new Trial(1000, null), new Trial(400, 300)]);
        Assert.Equal(700.0, ert.Value);
        Assert.Equal((2, 3), (ert.Successes, ert.Trials));
        Assert.Equal(2.0 / 3, ert.SuccessRate, 12);
    }

    [Fact]
    public void All_successes_give_the_mean_runtime_and_none_gives_infinity()
    {
        Assert.Equal(20.0, Ert.Of([new Trial(50, 10), new Trial(50, 30)]).Value);
        var none = Ert.Of([new Trial(50, null), new Trial(70, null)]);
        Assert.Equal(double.PositiveInfinity, none.Value);
        Assert.Equal(0.0, none.SuccessRate);
    }

    [Fact]
    public void The_runtime_is_the_evaluations_of_the_first_row_within_the_target_of_fopt()
    {
        long[] evaluations = [10, 20, 30, 40];
        double[] best = [105, 100.5, 100.05, 100.0];
        Assert.Equal(new Trial(40, 20), Trial.FromHistory(evaluations, best, fopt: 100, target: 1, evaluationsUsed: 40));
        Assert.Equal(new Trial(40, 30), Trial.FromHistory(evaluations, best, 100, 0.1, 40));
        // Exactly at the target counts as reached (COCO: f - fopt <= target).
        Assert.Equal(new Trial(40, 40), Trial.FromHistory(evaluations, best, 100, 0, 40));
        Assert.Equal(new Trial(40, null), Trial.FromHistory(evaluations, best, 99, 1e-8, 40));
    }
}

using Workbench.Engine.Statistics;
using Xunit;

namespace Workbench.Engine.Tests.Statistics;

public sealed class RuntimeEcdfTests
{
    [Fact]
    public void The_share_counts_pairs_solved_within_each_budget_over_all_pairs_unsolved_included()
    {
        // Hand-computed: 5 pairs, runtimes 2, 5, 5 and 40 evaluations/dimension, one never solved.
        double?[] runtimes = [5, 2, null, 40, 5];
        var shares = RuntimeEcdf.At(runtimes, [1, 2, 4.99, 5, 39, 40, 1000]);
        Assert.Equal([0.0, 0.2, 0.2, 0.6, 0.6, 0.8, 0.8], shares);
    }

    [Fact]
    public void No_pairs_give_nan_and_budgets_are_log_spaced_with_both_ends()
    {
        Assert.True(double.IsNaN(RuntimeEcdf.At([], [1.0])[0]));
        var budgets = RuntimeEcdf.LogBudgets(0, 2, pointsPerDecade: 2);
        Assert.Equal(5, budgets.Length);
        Assert.Equal(1.0, budgets[0]);
        Assert.Equal(10.0, budgets[2], 12);
        Assert.Equal(100.0, budgets[^1]);
    }
}

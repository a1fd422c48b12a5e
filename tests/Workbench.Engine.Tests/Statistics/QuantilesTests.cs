using Workbench.Engine.Statistics;
using Xunit;

namespace Workbench.Engine.Tests.Statistics;

public sealed class QuantilesTests
{
    [Fact]
    public void Quantiles_interpolate_between_order_statistics_as_r_type_7()
    {
        double[] values = [4, 1, 3, 2];
        Assert.Equal(2.5, Quantiles.Median(values));
        Assert.Equal(1.75, Quantiles.Quantile(values, 0.25));
        Assert.Equal(3.25, Quantiles.Quantile(values, 0.75));
        Assert.Equal(1.3, Quantiles.Quantile(values, 0.1), 12);
        Assert.Equal((1.75, 2.5, 3.25), Quantiles.Quartiles(values));
    }

    [Fact]
    public void An_odd_count_has_its_middle_value_as_median_and_one_value_is_every_quantile()
    {
        Assert.Equal(3.0, Quantiles.Median([5, 3, 1]));
        Assert.Equal(7.0, Quantiles.Quantile([7.0], 0.75));
        Assert.Equal(7.0, Quantiles.Quantile([7.0], 0.0));
    }

    [Fact]
    public void No_values_give_nan_and_a_quantile_outside_zero_one_is_refused()
    {
        Assert.True(double.IsNaN(Quantiles.Median([])));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Quantile([1.0], 1.5));
    }

    [Fact]
    public void Infinite_values_sort_to_the_ends()
    {
        Assert.Equal(double.PositiveInfinity, Quantiles.Median([1, double.PositiveInfinity, double.PositiveInfinity]));
        Assert.Equal(2.0, Quantiles.Median([2, 1, double.PositiveInfinity]));
    }
}

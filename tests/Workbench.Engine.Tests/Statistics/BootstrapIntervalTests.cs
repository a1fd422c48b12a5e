using Workbench.Engine.Statistics;
using Xunit;

namespace Workbench.Engine.Tests.Statistics;

public sealed class BootstrapIntervalTests
{
    private static readonly double[] Sample = Enumerable.Range(1, 41).Select(i => (double)i).ToArray();

    [Fact]
    public void The_interval_holds_the_estimate_and_lies_inside_the_sample_range()
    {
        var interval = BootstrapInterval.Of(Sample, s => Quantiles.Median(s));
        Assert.Equal(21.0, interval.Estimate);
        Assert.InRange(interval.Lower, 1, 21);
        Assert.InRange(interval.Upper, 21, 41);
        // The median of 41 values spreads over roughly ±1.96·sqrt(41)/2 ranks: neither a point nor the whole range.
        Assert.InRange(interval.Upper - interval.Lower, 4, 20);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_may_not()
    {
        var a = BootstrapInterval.Of(Sample, s => s.Average(), seed: 7);
        var b = BootstrapInterval.Of(Sample, s => s.Average(), seed: 7);
        Assert.Equal(a, b);
        Assert.Equal(21.0, a.Estimate, 12);
    }

    [Fact]
    public void A_constant_sample_has_a_zero_width_interval_and_nan_resamples_count_as_infinite()
    {
        var constant = BootstrapInterval.Of([3.0, 3, 3], s => Quantiles.Median(s));
        Assert.Equal((3.0, 3.0), (constant.Lower, constant.Upper));
        var unsolved = BootstrapInterval.Of([1.0, 2], _ => double.NaN);
        Assert.Equal(double.PositiveInfinity, unsolved.Upper);
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.Of(Sample, s => s[0], confidence: 1.0));
    }
}

using MathNet.Numerics.Statistics;

namespace Workbench.Engine.Statistics;

/// <summary>The one definition of medians and quantiles in Workbench: R's type 7 (numpy's default), linear
/// interpolation between order statistics, so the median of an even count is the mean of the middle two.</summary>
/// <remarks>Every table, benchmark and curve goes through here so that two views of the same runs cannot disagree
/// by a choice of convention. No values gives NaN rather than an exception: an empty group is a table cell ("-"),
/// not an error.</remarks>
public static class Quantiles
{
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>The q-quantile (0 ≤ q ≤ 1) of values in any order.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return QuantileOfSorted(sorted, q);
    }

    /// <summary>The q-quantile of values already sorted ascending (no copy: for curves computed point by point).</summary>
    public static double QuantileOfSorted(double[] sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1.0);
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        // Interpolating between two equal infinities (unsolved runs counted as +∞) is ∞ + 0·(∞ − ∞) = NaN in IEEE
        // arithmetic; the quantile of equal neighbours is that value, so answer it without interpolating.
        var position = q * (sorted.Length - 1);
        var below = sorted[(int)Math.Floor(position)];
        var above = sorted[(int)Math.Ceiling(position)];
        return below.Equals(above) ? below : SortedArrayStatistics.QuantileCustom(sorted, q, QuantileDefinition.R7);
    }

    /// <summary>Lower quartile, median and upper quartile in one sort.</summary>
    public static (double Lower, double Median, double Upper) Quartiles(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return (QuantileOfSorted(sorted, 0.25), QuantileOfSorted(sorted, 0.5), QuantileOfSorted(sorted, 0.75));
    }
}

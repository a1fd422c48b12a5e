namespace Workbench.Engine.Statistics;

/// <summary>COCO's runtime ECDF (a data profile): over all (trial, target) pairs of a set of functions, the share
/// solved within a budget of x evaluations per dimension. A pair that never reached its target counts in the
/// denominator and never in the numerator, so a curve below 1 at the end says how much stayed unsolved.</summary>
public static class RuntimeEcdf
{
    /// <summary>The share of <paramref name="runtimesPerDimension"/> (null: not reached) at or below each budget.</summary>
    public static double[] At(IReadOnlyList<double?> runtimesPerDimension, IReadOnlyList<double> budgets)
    {
        ArgumentNullException.ThrowIfNull(runtimesPerDimension);
        ArgumentNullException.ThrowIfNull(budgets);
        var reached = runtimesPerDimension.OfType<double>().Order().ToArray();
        var shares = new double[budgets.Count];
        if (runtimesPerDimension.Count == 0)
        {
            Array.Fill(shares, double.NaN);
            return shares;
        }

        for (var i = 0; i < budgets.Count; i++)
        {
            shares[i] = (double)CountAtOrBelow(reached, budgets[i]) / runtimesPerDimension.Count;
        }

        return shares;
    }

    /// <summary>Budgets spaced evenly in log10 from 10^<paramref name="fromLog10"/> to 10^<paramref name="toLog10"/>.</summary>
    public static double[] LogBudgets(double fromLog10, double toLog10, int pointsPerDecade = 10)
    {
        var count = Math.Max(2, (int)Math.Round((toLog10 - fromLog10) * pointsPerDecade) + 1);
        return StepCurves.Grid(fromLog10, toLog10, count).Select(e => Math.Pow(10, e)).ToArray();
    }

    private static int CountAtOrBelow(double[] sorted, double budget)
    {
        var index = Array.BinarySearch(sorted, budget);
        if (index < 0)
        {
            return ~index;
        }

        while (index + 1 < sorted.Length && sorted[index + 1] <= budget)
        {
            index++;
        }

        return index + 1;
    }
}

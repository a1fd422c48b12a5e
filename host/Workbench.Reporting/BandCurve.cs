namespace Workbench.Reporting;

/// <summary>The median and quartiles of a group's gap curves on one common x grid.</summary>
/// <remarks>Each run's gap is a step function of x (it holds its value until the next row); before a run's first row
/// it has no value, and after its last row it keeps its final value (the run stopped there: that is where it is).
/// Grid points where no run has a value yet are dropped.</remarks>
public sealed record BandCurve(double[] X, double[] Median, double[] Lower, double[] Upper)
{
    public static BandCurve Build(IReadOnlyList<RunData> runs, CompareAxis axis, int points = 200)
    {
        var withRows = runs.Where(r => r.History.Count > 0).ToList();
        if (withRows.Count == 0)
        {
            return new BandCurve([], [], [], []);
        }

        var xMin = withRows.Min(r => r.X(axis, 0));
        var xMax = withRows.Max(r => r.X(axis, r.History.Count - 1));
        var grid = Grid(xMin, xMax, points);
        var xs = new List<double>();
        var (median, lower, upper) = (new List<double>(), new List<double>(), new List<double>());
        var values = new List<double>(withRows.Count);
        var cursor = new int[withRows.Count];
        foreach (var x in grid)
        {
            values.Clear();
            for (var k = 0; k < withRows.Count; k++)
            {
                var run = withRows[k];
                while (cursor[k] + 1 < run.History.Count && run.X(axis, cursor[k] + 1) <= x)
                {
                    cursor[k]++;
                }

                if (run.X(axis, cursor[k]) <= x)
                {
                    values.Add(run.Gap(cursor[k]));
                }
            }

            if (values.Count > 0)
            {
                values.Sort();
                xs.Add(x);
                median.Add(Quantile(values, 0.5));
                lower.Add(Quantile(values, 0.25));
                upper.Add(Quantile(values, 0.75));
            }
        }

        return new BandCurve(xs.ToArray(), median.ToArray(), lower.ToArray(), upper.ToArray());
    }

    /// <summary>The q-quantile of sorted values, interpolating linearly between order statistics (type 7, as R and numpy).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Evenly spaced from min to max, both included (a single point when they are equal).</summary>
    public static double[] Grid(double min, double max, int points)
    {
        if (points < 2 || max <= min)
        {
            return [min];
        }

        var grid = new double[points];
        for (var i = 0; i < points; i++)
        {
            grid[i] = min + (max - min) * i / (points - 1);
        }

        grid[^1] = max;
        return grid;
    }
}

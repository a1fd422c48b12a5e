namespace Workbench.Engine.Statistics;

/// <summary>The median and quartiles of several runs' convergence curves, the one way Workbench draws a group of
/// runs (the TUI's Ctrl+G, <c>wb runs compare --group</c>, experiment tables).</summary>
/// <remarks>A curve is a step function: at x it holds the value of its last point at or before x, and after its
/// last point it keeps its final value (the run stopped there: that is where it is). Before its first point a run
/// has no value and is left out; grid points where no run has a value are dropped.</remarks>
public static class StepCurves
{
    /// <summary>The band of <paramref name="curves"/> (each sorted by x) on <paramref name="grid"/> (ascending).</summary>
    public static Band Band(IReadOnlyList<IReadOnlyList<(double X, double Y)>> curves, IReadOnlyList<double> grid)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(grid);
        var (xs, median, lower, upper) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var cursor = new int[curves.Count];
        Array.Fill(cursor, -1);
        var values = new List<double>(curves.Count);
        foreach (var x in grid)
        {
            values.Clear();
            for (var k = 0; k < curves.Count; k++)
            {
                var curve = curves[k];
                while (cursor[k] + 1 < curve.Count && curve[cursor[k] + 1].X <= x)
                {
                    cursor[k]++;
                }

                if (cursor[k] >= 0)
                {
                    values.Add(curve[cursor[k]].Y);
                }
            }

            if (values.Count > 0)
            {
                var sorted = values.ToArray();
                Array.Sort(sorted);
                xs.Add(x);
                median.Add(Quantiles.QuantileOfSorted(sorted, 0.5));
                lower.Add(Quantiles.QuantileOfSorted(sorted, 0.25));
                upper.Add(Quantiles.QuantileOfSorted(sorted, 0.75));
            }
        }

        return new Band(xs.ToArray(), median.ToArray(), lower.ToArray(), upper.ToArray());
    }

    /// <summary>The band on <paramref name="points"/> evenly spaced x values from the first point of any curve to the
    /// last point of any curve: the grid every front end uses, so their medians agree point for point.</summary>
    public static Band Band(IReadOnlyList<IReadOnlyList<(double X, double Y)>> curves, int points = DefaultPoints)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var started = curves.Where(c => c.Count > 0).ToList();
        return started.Count == 0
            ? new Band([], [], [], [])
            : Band(started, Grid(started.Min(c => c[0].X), started.Max(c => c[^1].X), points));
    }

    public const int DefaultPoints = 200;

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
            grid[i] = min + ((max - min) * i / (points - 1));
        }

        grid[^1] = max;
        return grid;
    }
}

/// <summary>Median and quartiles of a group of curves at each x.</summary>
public sealed record Band(double[] X, double[] Median, double[] Lower, double[] Upper);

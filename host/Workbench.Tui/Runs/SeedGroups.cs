namespace Workbench.Tui.Runs;

/// <summary>Runs that differ only in their seed (same algorithm, problem, dimension and options) form a group;
/// comparing groups shows each group's median curve instead of one curve per seed.</summary>
public static class SeedGroups
{
    public sealed record Group(string Label, IReadOnlyList<RunRow> Runs);

    public static IReadOnlyList<Group> Of(IEnumerable<RunRow> runs) =>
        runs.GroupBy(r => (r.Algorithm, r.Problem, r.Dimension, r.Configuration))
            .Select(g => new Group($"{g.Key.Algorithm}/{g.Key.Problem}/d{g.Key.Dimension}{(g.Count() > 1 ? $" (median of {g.Count()})" : "")}", g.ToArray()))
            .ToArray();

    /// <summary>The median best-so-far at each evaluation count where any run has a point. Each curve is a step
    /// function, so a run's value at x is its last point at or before x; runs that have not started by x are left out.</summary>
    public static IReadOnlyList<(double X, double Y)> MedianCurve(IReadOnlyList<IReadOnlyList<(double X, double Y)>> curves)
    {
        var xs = curves.SelectMany(c => c.Select(p => p.X)).Distinct().Order().ToArray();
        var result = new List<(double X, double Y)>(xs.Length);
        var values = new List<double>(curves.Count);
        foreach (var x in xs)
        {
            values.Clear();
            foreach (var curve in curves)
            {
                var i = LastAtOrBefore(curve, x);
                if (i >= 0)
                {
                    values.Add(curve[i].Y);
                }
            }

            result.Add((x, Median(values)));
        }

        return result;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int LastAtOrBefore(IReadOnlyList<(double X, double Y)> curve, double x)
    {
        int lo = 0, hi = curve.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (curve[mid].X <= x)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}

using Workbench.Engine.Statistics;

namespace Workbench.Tui.Runs;

/// <summary>Runs that differ only in their seed (same algorithm, problem, dimension and options) form a group;
/// comparing groups shows each group's median curve instead of one curve per seed.</summary>
public static class SeedGroups
{
    public sealed record Group(string Label, IReadOnlyList<RunRow> Runs);

    /// <summary>Each group is named by its first run's <see cref="RunRow.GroupLabel"/> (algorithm and problem, each with
    /// the options that differ from its defaults, as <c>wb runs compare --group</c> names them).</summary>
    public static IReadOnlyList<Group> Of(IEnumerable<RunRow> runs) =>
        runs.GroupBy(r => (r.Algorithm, r.Problem, r.Dimension, r.Configuration))
            .Select(g => new Group($"{Name(g.First())}/d{g.Key.Dimension}{(g.Count() > 1 ? $" (median of {g.Count()})" : "")}", g.ToArray()))
            .ToArray();

    /// <summary>The median best-so-far of the curves, drawn exactly as <c>wb runs compare --group</c> draws it
    /// (<see cref="StepCurves"/>: same step rule, same grid).</summary>
    public static IReadOnlyList<(double X, double Y)> MedianCurve(IReadOnlyList<IReadOnlyList<(double X, double Y)>> curves)
    {
        var band = StepCurves.Band(curves);
        return band.X.Select((x, i) => (x, band.Median[i])).ToArray();
    }

    private static string Name(RunRow row) => row.GroupLabel.Length > 0 ? row.GroupLabel : $"{row.Algorithm}/{row.Problem}";
}

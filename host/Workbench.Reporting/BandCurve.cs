using Workbench.Engine.Statistics;

namespace Workbench.Reporting;

/// <summary>The median and quartiles of a group's gap curves on one common x grid.</summary>
/// <remarks>The band itself is <see cref="StepCurves"/>'s, the same one the terminal UI draws for Ctrl+G; this
/// type only turns stored runs into step curves on the chosen axis.</remarks>
public sealed record BandCurve(double[] X, double[] Median, double[] Lower, double[] Upper)
{
    public static BandCurve Build(IReadOnlyList<RunData> runs, CompareAxis axis, int points = StepCurves.DefaultPoints)
    {
        var curves = runs.Select(r => (IReadOnlyList<(double X, double Y)>)Enumerable.Range(0, r.History.Count)
            .Select(i => (r.X(axis, i), r.Gap(i))).ToArray()).ToList();
        var band = StepCurves.Band(curves, points);
        return new BandCurve(band.X, band.Median, band.Lower, band.Upper);
    }
}

using ScottPlot;

namespace Workbench.Reporting;

/// <summary>Speed-up curves (the paper's Fig. 4A/4B): one line with markers per series, and the ideal speed-up as a
/// dashed line, rendered headless to PNG.</summary>
public static class SpeedupPlot
{
    public sealed record Series(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Speedup);

    public static void SavePng(string path, string title, string xLabel, IReadOnlyList<Series> series, double ideal, int width = 900, int height = 550)
    {
        using var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("speed-up");
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < series.Count; i++)
        {
            var line = plot.Add.Scatter(series[i].X.ToArray(), series[i].Speedup.ToArray());
            line.Color = palette.GetColor(i);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = series[i].Label;
        }

        var ideals = plot.Add.HorizontalLine(ideal);
        ideals.LinePattern = LinePattern.Dashed;
        ideals.LegendText = $"ideal ({ideal:G3}x)";
        plot.Axes.SetLimitsY(0, (ideal * 1.15) + 0.1);
        plot.ShowLegend(Alignment.LowerRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, width, height);
    }
}

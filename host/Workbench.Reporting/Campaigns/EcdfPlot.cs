using ScottPlot;

namespace Workbench.Reporting.Campaigns;

/// <summary>A runtime ECDF figure as COCO draws it: x is log10(evaluations / dimension), y the share of
/// (trial, target) pairs solved, one stepped line per configuration.</summary>
public static class EcdfPlot
{
    public static void SavePng(string path, string title, IReadOnlyList<EcdfCurve> curves, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(curves);
        using var plot = new Plot();
        plot.Title(title);
        plot.XLabel("log10(evaluations / dimension)");
        plot.YLabel("share of (run, target) pairs solved");
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < curves.Count; i++)
        {
            var curve = curves[i];
            var line = plot.Add.ScatterLine(curve.Budgets.Select(Math.Log10).ToArray(), curve.Shares);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = palette.GetColor(i);
            line.LineWidth = 2;
            line.LegendText = $"{curve.Algorithm} ({curve.Pairs} pairs)";
        }

        plot.Axes.SetLimitsY(0, 1.02);
        plot.ShowLegend(Alignment.UpperLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, width, height);
    }
}

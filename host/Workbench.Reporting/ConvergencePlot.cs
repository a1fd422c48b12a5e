using ScottPlot;

namespace Workbench.Reporting;

/// <summary>Overlay plots of best-so-far (minus the known optimum) against evaluations, iterations or time, on a
/// log scale, rendered headless to PNG by ScottPlot.</summary>
public static class ConvergencePlot
{
    /// <summary>One line per run.</summary>
    public static void SaveRunsPng(string path, IReadOnlyList<RunData> runs, CompareAxis axis, int width = 1000, int height = 600)
    {
        var scale = LogScale.For(runs);
        using var plot = NewPlot(runs, axis, scale);
        foreach (var run in runs.Where(r => r.History.Count > 0))
        {
            var xs = Enumerable.Range(0, run.History.Count).Select(i => run.X(axis, i)).ToArray();
            var ys = Enumerable.Range(0, run.History.Count).Select(i => scale.Y(run.Gap(i))).ToArray();
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = run.Label;
            line.LineWidth = 1.5f;
        }

        Save(plot, path, width, height, runs.Count <= 20);
    }

    /// <summary>One median line with its interquartile band per group of runs that differ only by seed.</summary>
    public static void SaveGroupsPng(string path, IReadOnlyList<RunGroup> groups, CompareAxis axis, int width = 1000, int height = 600)
    {
        var all = groups.SelectMany(g => g.Runs).ToList();
        var scale = LogScale.For(all);
        using var plot = NewPlot(all, axis, scale);
        var palette = new ScottPlot.Palettes.Category10();
        for (var g = 0; g < groups.Count; g++)
        {
            var band = BandCurve.Build(groups[g].Runs, axis);
            if (band.X.Length == 0)
            {
                continue;
            }

            var color = palette.GetColor(g);
            var fill = plot.Add.FillY(band.X, band.Lower.Select(scale.Y).ToArray(), band.Upper.Select(scale.Y).ToArray());
            fill.FillColor = color.WithAlpha(0.25);
            fill.LineWidth = 0;
            var median = plot.Add.ScatterLine(band.X, band.Median.Select(scale.Y).ToArray());
            median.Color = color;
            median.LineWidth = 2;
            median.LegendText = groups[g].Label + " median, IQR";
        }

        Save(plot, path, width, height, showLegend: true);
    }

    private static Plot NewPlot(IReadOnlyList<RunData> runs, CompareAxis axis, LogScale scale)
    {
        var plot = new Plot();
        var relative = runs.Count > 0 && runs.All(r => r.HasKnownOptimum);
        plot.XLabel(axis switch { CompareAxis.Iterations => "iterations", CompareAxis.Time => "seconds", _ => "evaluations" });
        plot.YLabel(relative ? "best so far − known optimum" : "best so far");
        if (scale.IsLog)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = y => $"1e{Math.Round(y):0}",
            };
        }

        return plot;
    }

    private static void Save(Plot plot, string path, int width, int height, bool showLegend)
    {
        if (showLegend)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        Directory.CreateDirectory(directory!);
        plot.SavePng(path, width, height);
    }

    /// <summary>Log10 when every gap is positive or zero (zeros are drawn one decade below the smallest positive
    /// gap); a linear axis when some gap is negative (no known optimum and negative fitness).</summary>
    private sealed record LogScale(bool IsLog, double Floor)
    {
        public static LogScale For(IReadOnlyList<RunData> runs)
        {
            var min = double.PositiveInfinity;
            foreach (var run in runs)
            {
                for (var i = 0; i < run.History.Count; i++)
                {
                    var gap = run.Gap(i);
                    if (gap < 0)
                    {
                        return new LogScale(false, 0);
                    }

                    if (gap > 0 && gap < min)
                    {
                        min = gap;
                    }
                }
            }

            return new LogScale(true, double.IsFinite(min) ? min / 10 : 1e-300);
        }

        public double Y(double gap) => IsLog ? Math.Log10(Math.Max(gap, Floor)) : gap;
    }
}

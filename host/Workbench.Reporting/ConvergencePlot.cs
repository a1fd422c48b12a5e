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
        var drawn = runs.Where(r => r.History.Count > 0).ToList();
        var xMin = drawn.Count == 0 ? 0 : drawn.Min(r => r.X(axis, 0));
        var xMax = drawn.Count == 0 ? 1 : drawn.Max(r => r.X(axis, r.History.Count - 1));
        foreach (var run in drawn)
        {
            var (xs, ys) = Decimate(run, axis, scale, xMin, xMax, bins: Math.Max(50, width / 4));
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

    /// <summary>At most the first and last row in each of <paramref name="bins"/> equal slices of x: one slice is a
    /// few pixels wide and best-so-far only falls, so the line looks the same with far fewer segments to draw.</summary>
    private static (double[] Xs, double[] Ys) Decimate(RunData run, CompareAxis axis, LogScale scale, double xMin, double xMax, int bins)
    {
        var (xs, ys) = (new List<double>(), new List<double>());
        var width = xMax > xMin ? (xMax - xMin) / bins : 1;
        var lastBin = long.MinValue;
        var count = run.History.Count;
        for (var i = 0; i < count; i++)
        {
            var x = run.X(axis, i);
            var bin = (long)Math.Floor((x - xMin) / width);
            var nextBin = i + 1 < count ? (long)Math.Floor((run.X(axis, i + 1) - xMin) / width) : long.MaxValue;
            if (bin != lastBin || nextBin != bin)
            {
                xs.Add(x);
                ys.Add(scale.Y(run.Gap(i)));
            }

            lastBin = bin;
        }

        return (xs.ToArray(), ys.ToArray());
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

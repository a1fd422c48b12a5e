using Workbench.Tui.Live;
using Workbench.Tui.Plot;
using Workbench.Tui.Tasks;

namespace Workbench.Tui.Tests.Unit;

public sealed class PlotAndSeriesTests
{
    [Fact]
    public void Series_keeps_improvements_and_the_latest_point_within_its_capacity()
    {
        var series = new ConvergenceSeries(capacity: 64);
        for (var i = 1; i <= 100_000; i++)
        {
            series.Add(i, 1e6 / i);
        }

        var points = series.Points();
        Assert.InRange(points.Count, 2, 64);
        Assert.Equal((1.0, 1e6), points[0]);
        Assert.Equal(100_000, points[^1].X);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.X < p.Second.X && p.First.Y >= p.Second.Y));
    }

    [Fact]
    public void Series_without_improvement_still_moves_its_last_point()
    {
        var series = new ConvergenceSeries();
        series.Add(10, 5);
        series.Add(20, 5);
        series.Add(30, 7);
        Assert.Equal([(10.0, 5.0), (30.0, 7.0)], series.Points());
    }

    [Fact]
    public void Plot_draws_a_falling_curve_on_a_log_scale_with_axes_and_labels()
    {
        var points = Enumerable.Range(0, 101).Select(i => ((double)i * 100, Math.Pow(10, 2 - i / 10.0))).ToArray();
        var raster = TextPlot.Render([new PlotSeries("a", points, '*')], 40, 12);
        Assert.Equal(12, raster.Lines.Count);
        Assert.All(raster.Lines, l => Assert.Equal(40, l.Length));
        Assert.Equal("log10 best", raster.YLabel);
        Assert.StartsWith("  1e+2|*", raster.Lines[0]);
        Assert.StartsWith("  1e-8|", raster.Lines[9]);
        Assert.EndsWith("*", raster.Lines[9]);
        Assert.Contains("10k evals", raster.Lines[11]);
        Assert.Equal(0, raster.SeriesAt[0, TextPlot.LeftMargin]);
        Assert.Equal(-1, raster.SeriesAt[11, 0]);
    }

    [Fact]
    public void Plot_overlays_series_with_their_own_markers_and_falls_back_to_linear_for_zero()
    {
        var raster = TextPlot.Render(
        [
            new PlotSeries("a", [(0, 5), (100, 0)], '*'),
            new PlotSeries("b", [(0, 3), (50, 1)], '+'),
        ], 30, 8);
        Assert.Equal("best", raster.YLabel);
        var text = string.Join("\n", raster.Lines);
        Assert.Contains('*', text);
        Assert.Contains('+', text);
    }

    [Fact]
    public void Heat_raster_shrinks_a_field_and_shades_cold_to_hot()
    {
        // 4x4 field, hot in the top-left quadrant, shrunk to 2x2 cells.
        var field = new double[16];
        foreach (var i in new[] { 0, 1, 4, 5 })
        {
            field[i] = 10;
        }

        var levels = HeatRaster.Levels(field, 4, 4, width: 2, height: 2, out var min, out var max);
        Assert.Equal((0.0, 10.0), (min, max));
        Assert.Equal(HeatRaster.Shades.Length - 1, levels[0, 0]);
        Assert.Equal(0, levels[1, 1]);
        Assert.Equal(0, levels[0, 1]);
    }

    [Fact]
    public void Task_bars_show_fraction_and_state()
    {
        Assert.Equal("node 0  [##########..........]  50% 5000 steps", TaskProgressFeed.Bar(0, 0.5, "5000 steps", null));
        Assert.StartsWith("node 3  [####################] done", TaskProgressFeed.Bar(3, 1, null, true));
    }
}

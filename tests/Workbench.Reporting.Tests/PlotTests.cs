using SkiaSharp;
using Xunit;

namespace Workbench.Reporting.Tests;

public sealed class PlotTests
{
    [Fact]
    public void Overlay_and_group_plots_are_real_pngs_of_the_asked_size_with_lines_drawn()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wb-plot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var runs = Enumerable.Range(1, 4).Select(s => Runs.Make(Enumerable.Range(0, 50).Select(i => Math.Pow(0.7 + s * 0.05, i)).ToArray(), seed: (ulong)s)).ToList();
            var single = Path.Combine(folder, "runs.png");
            var grouped = Path.Combine(folder, "groups.png");
            ConvergencePlot.SaveRunsPng(single, runs, CompareAxis.Evaluations, 640, 480);
            ConvergencePlot.SaveGroupsPng(grouped, RunGrouping.Group(runs), CompareAxis.Time, 800, 500);
            AssertPicture(single, 640, 480);
            AssertPicture(grouped, 800, 500);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void AssertPicture(string path, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        var colours = new HashSet<uint>();
        for (var y = 0; y < height; y += 3)
        {
            for (var x = 0; x < width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        Assert.True(colours.Count >= 8, $"only {colours.Count} distinct colours: blank picture?");
    }
}

using System.Globalization;

namespace Workbench.Tui.Plot;

/// <summary>Draws convergence curves as text: log10 of best-so-far against evaluations, one glyph per series.</summary>
/// <remarks>Plain text rather than a graph widget so the same picture lands in a terminal, a text capture and a
/// unit test. Best-so-far is a step function, so each column shows the value of the last point at or before it.
/// When a value is zero or negative the log scale cannot show it and the plot falls back to a linear scale.</remarks>
public static class TextPlot
{
    public const int LeftMargin = 7;
    public static readonly char[] Markers = ['*', '+', 'o', 'x', '#', '@', '%', '&'];

    public static PlotRaster Render(IReadOnlyList<PlotSeries> series, int width, int height)
    {
        width = Math.Max(LeftMargin + 4, width);
        height = Math.Max(3, height);
        var plotW = width - LeftMargin;
        var plotH = height - 2;
        var grid = new char[height, width];
        var owner = new int[height, width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                grid[r, c] = ' ';
                owner[r, c] = -1;
            }
        }

        var all = series.SelectMany(s => s.Points).ToArray();
        var log = all.Length == 0 || all.All(p => p.Y > 0);
        double Ty(double y) => log ? Math.Log10(y) : y;
        var ys = all.Select(p => Ty(p.Y)).Where(double.IsFinite).ToArray();
        var (y0, y1) = ys.Length == 0 ? (0.0, 1.0) : (ys.Min(), ys.Max());
        if (y1 - y0 < 1e-12)
        {
            (y0, y1) = (y0 - 0.5, y1 + 0.5);
        }

        var x1 = all.Length == 0 ? 1.0 : Math.Max(1.0, all.Max(p => p.X));
        for (var r = 0; r < plotH; r++)
        {
            grid[r, LeftMargin - 1] = '|';
        }

        for (var c = LeftMargin - 1; c < width; c++)
        {
            grid[plotH, c] = '-';
        }

        grid[plotH, LeftMargin - 1] = '+';
        Put(grid, 0, 0, Label(y1, log));
        Put(grid, plotH - 1, 0, Label(y0, log));
        if (plotH >= 5)
        {
            Put(grid, (plotH - 1) / 2, 0, Label((y0 + y1) / 2, log));
        }

        Put(grid, plotH + 1, LeftMargin - 1, "0");
        var right = Compact(x1) + " evals";
        Put(grid, plotH + 1, Math.Max(LeftMargin + 1, width - right.Length), right);

        for (var s = 0; s < series.Count; s++)
        {
            Draw(series[s], s, grid, owner, plotW, plotH, x1, y0, y1, Ty);
        }

        var lines = Enumerable.Range(0, height).Select(r => new string(Enumerable.Range(0, width).Select(c => grid[r, c]).ToArray())).ToArray();
        return new PlotRaster(lines, owner, log ? "log10 best" : "best");
    }

    private static void Draw(PlotSeries s, int index, char[,] grid, int[,] owner, int plotW, int plotH, double x1, double y0, double y1, Func<double, double> ty)
    {
        if (s.Points.Count == 0)
        {
            return;
        }

        var p = 0;
        var lastX = s.Points[^1].X;
        for (var c = 0; c < plotW; c++)
        {
            var x = x1 * (c + 1) / plotW;
            if (x < s.Points[0].X && c < plotW - 1)
            {
                continue;
            }

            while (p + 1 < s.Points.Count && s.Points[p + 1].X <= x)
            {
                p++;
            }

            var y = ty(s.Points[p].Y);
            if (!double.IsFinite(y))
            {
                continue;
            }

            var row = (int)Math.Round((y1 - y) / (y1 - y0) * (plotH - 1));
            row = Math.Clamp(row, 0, plotH - 1);
            grid[row, LeftMargin + c] = s.Marker;
            owner[row, LeftMargin + c] = index;
            if (x >= lastX)
            {
                break;
            }
        }
    }

    private static string Label(double v, bool log)
    {
        var text = log ? Math.Pow(10, v).ToString("0e+0", CultureInfo.InvariantCulture) : Compact(v);
        return text.Length > LeftMargin - 1 ? text[..(LeftMargin - 1)] : text.PadLeft(LeftMargin - 1);
    }

    /// <summary>A short number: 950, 12.3k, 4.5M, 1.2e+09.</summary>
    public static string Compact(double v)
    {
        var a = Math.Abs(v);
        return a switch
        {
            >= 1e9 => v.ToString("0.0e+0", CultureInfo.InvariantCulture),
            >= 1e6 => (v / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
            >= 1e4 => (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            >= 1 or 0 => v.ToString("0.##", CultureInfo.InvariantCulture),
            _ => v.ToString("0.0e+0", CultureInfo.InvariantCulture),
        };
    }

    private static void Put(char[,] grid, int row, int col, string text)
    {
        for (var i = 0; i < text.Length && col + i < grid.GetLength(1); i++)
        {
            grid[row, col + i] = text[i];
        }
    }
}

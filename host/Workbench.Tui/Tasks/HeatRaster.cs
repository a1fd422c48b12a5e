namespace Workbench.Tui.Tasks;

/// <summary>A coarse picture of a 2-D field: each terminal cell averages a block of grid points and gets a shade
/// from cold to hot. Pure, so the picture is unit-tested and lands the same in a text capture.</summary>
public static class HeatRaster
{
    /// <summary>Cold to hot; the view also colours each cell by the same level.</summary>
    public const string Shades = " .:-=+*#%@";

    /// <summary>Levels 0..Shades.Length-1 for a <paramref name="rows"/> x <paramref name="cols"/> row-major field
    /// shrunk to at most <paramref name="height"/> x <paramref name="width"/> cells (never enlarged).</summary>
    public static int[,] Levels(IReadOnlyList<double> field, int rows, int cols, int width, int height, out double min, out double max)
    {
        var h = Math.Max(1, Math.Min(height, rows));
        var w = Math.Max(1, Math.Min(width, cols));
        var sums = new double[h, w];
        var counts = new int[h, w];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var v = field[r * cols + c];
                if (double.IsFinite(v))
                {
                    sums[r * h / rows, c * w / cols] += v;
                    counts[r * h / rows, c * w / cols]++;
                }
            }
        }

        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                sums[r, c] = counts[r, c] == 0 ? double.NaN : sums[r, c] / counts[r, c];
                if (counts[r, c] > 0)
                {
                    min = Math.Min(min, sums[r, c]);
                    max = Math.Max(max, sums[r, c]);
                }
            }
        }

        var levels = new int[h, w];
        var span = max - min;
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                var t = double.IsNaN(sums[r, c]) || !(span > 0) ? 0 : (sums[r, c] - min) / span;
                levels[r, c] = Math.Clamp((int)(t * (Shades.Length - 1) + 0.5), 0, Shades.Length - 1);
            }
        }

        return levels;
    }
}

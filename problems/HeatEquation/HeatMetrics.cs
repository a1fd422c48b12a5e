using System.Numerics;

namespace Workbench.Problems.HeatEquation;

/// <summary>The peak and the largest deviation from the analytic Gaussian, equal bit for bit to the plain
/// definitions (<c>Enumerable.Max</c>, and the largest <c>|u - Analytic(x, y, t, sigma)|</c> over every cell) but
/// without one <c>Math.Exp</c> per cell, which cost more than 10 % of a whole 50-step run on a 2000² grid.</summary>
/// <remarks>
/// The analytic solution factorises: <c>A exp(-(x²+y²)/2v) = (A exp(-x²/2v)) exp(-y²/2v)</c>, so one exponential per
/// row and per column gives an estimate <c>ê</c> of every cell's exact value <c>e</c> within a relative 1e-12 or so
/// (arguments up to ~700 carry a few ulps each; beyond that both sides underflow). With a slack
/// <c>s = 1e-9 (ê + |u|) + 1e-300</c>, far above that, every cell's exact error lies in <c>[|u - ê| - s, |u - ê| + s]</c>.
/// The largest lower end bounds the answer from below, so only cells whose upper end reaches it can hold the maximum;
/// those few get the exact expression. Non-finite fields take the plain loop.
/// </remarks>
public static class HeatMetrics
{
    private const double RelativeSlack = 1e-9;
    private const double AbsoluteSlack = 1e-300;

    /// <summary>Largest value, as <c>Enumerable.Max</c> gives it: NaN ignored unless every value is NaN.</summary>
    public static double Peak(ReadOnlySpan<double> field)
    {
        var peak = field[0];
        var i = 1;
        for (; i < field.Length && double.IsNaN(peak); i++)
        {
            peak = field[i];
        }

        for (; i < field.Length; i++)
        {
            if (field[i] > peak)
            {
                peak = field[i];
            }
        }

        return peak;
    }

    /// <summary>Largest |numeric - analytic| over the grid (column-major field of n×n).</summary>
    public static double MaxError(ReadOnlySpan<double> field, int n, double t, double sigma)
    {
        var dx = 2.0 / (n - 1);
        var variance = (sigma * sigma) + (2 * t);
        var amplitude = sigma * sigma / variance;
        var rows = new double[n];
        for (var r = 0; r < n; r++)
        {
            var y = -1.0 + (r * dx);
            rows[r] = Math.Exp(-(y * y) / (2 * variance));
        }

        var scale = new double[n];
        var upper = new double[n];
        var lower = 0.0;
        for (var c = 0; c < n; c++)
        {
            var x = -1.0 + (c * dx);
            scale[c] = amplitude * Math.Exp(-(x * x) / (2 * variance));
            if (!Bounds(field.Slice(c * n, n), rows, scale[c], ref lower, out upper[c]))
            {
                return PlainMaxError(field, n, t, sigma);
            }
        }

        var worst = 0.0;
        for (var c = 0; c < n; c++)
        {
            if (upper[c] < lower)
            {
                continue;
            }

            for (var r = 0; r < n; r++)
            {
                var u = field[(c * n) + r];
                var estimate = scale[c] * rows[r];
                if (Math.Abs(u - estimate) + Slack(u, estimate) >= lower)
                {
                    var exact = HeatStencil.Analytic(-1.0 + (c * dx), -1.0 + (r * dx), t, sigma);
                    worst = Math.Max(worst, Math.Abs(u - exact));
                }
            }
        }

        return worst;
    }

    /// <summary>The definition: one exact analytic value per cell.</summary>
    public static double PlainMaxError(ReadOnlySpan<double> field, int n, double t, double sigma)
    {
        var dx = 2.0 / (n - 1);
        var worst = 0.0;
        for (var c = 0; c < n; c++)
        {
            for (var r = 0; r < n; r++)
            {
                var exact = HeatStencil.Analytic(-1.0 + (c * dx), -1.0 + (r * dx), t, sigma);
                worst = Math.Max(worst, Math.Abs(field[(c * n) + r] - exact));
            }
        }

        return worst;
    }

    private static double Slack(double u, double estimate) => (RelativeSlack * (estimate + Math.Abs(u))) + AbsoluteSlack;

    /// <summary>Raises <paramref name="lower"/> to the column's largest error lower bound and returns its largest
    /// upper bound; false when the column holds a NaN or an infinity.</summary>
    private static bool Bounds(ReadOnlySpan<double> column, ReadOnlySpan<double> rows, double scale, ref double lower, out double upper)
    {
        var n = column.Length;
        var r = 0;
        upper = 0.0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var scaleV = new Vector<double>(scale);
            var relative = new Vector<double>(RelativeSlack);
            var absolute = new Vector<double>(AbsoluteSlack);
            var low = Vector<double>.Zero;
            var high = Vector<double>.Zero;
            var finite = Vector<long>.AllBitsSet;
            for (; r + Vector<double>.Count <= n; r += Vector<double>.Count)
            {
                var u = new Vector<double>(column[r..]);
                var estimate = scaleV * new Vector<double>(rows[r..]);
                var error = Vector.Abs(u - estimate);
                var slack = (relative * (estimate + Vector.Abs(u))) + absolute;
                low = Vector.Max(low, error - slack);
                high = Vector.Max(high, error + slack);
                finite &= Vector.Equals(u - u, Vector<double>.Zero);
            }

            if (finite != Vector<long>.AllBitsSet)
            {
                return false;
            }

            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                lower = Math.Max(lower, low[lane]);
                upper = Math.Max(upper, high[lane]);
            }
        }

        for (; r < n; r++)
        {
            var u = column[r];
            if (!double.IsFinite(u))
            {
                return false;
            }

            var estimate = scale * rows[r];
            var error = Math.Abs(u - estimate);
            var slack = Slack(u, estimate);
            lower = Math.Max(lower, error - slack);
            upper = Math.Max(upper, error + slack);
        }

        return true;
    }
}

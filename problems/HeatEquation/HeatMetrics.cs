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
public static partial class HeatMetrics
{
    private const double RelativeSlack = 1e-9;
    private const double AbsoluteSlack = 1e-300;

    /// <summary>Peak and largest |numeric - analytic| over the grid (column-major field of n×n).</summary>
    public static (double Peak, double MaxError) Measure(ReadOnlySpan<double> field, int n, double t, double sigma) =>
        Finish(field, n, t, sigma, [Partial(field, 0, n, t, sigma)]);

    public static double MaxError(ReadOnlySpan<double> field, int n, double t, double sigma) => Measure(field, n, t, sigma).MaxError;

    /// <summary>The bulk of the work over whole columns from global column <paramref name="firstColumn"/>, so that
    /// each node can do its own band: <c>[peak, lower bound, finite (1 or 0), upper bound of each column...]</c>.</summary>
    public static double[] Partial(ReadOnlySpan<double> columns, int firstColumn, int n, double t, double sigma)
    {
        var count = columns.Length / n;
        var (rows, dx, variance, amplitude) = Rows(n, t, sigma);
        var partial = new double[3 + count];
        var (peak, lower, finite) = (double.NegativeInfinity, 0.0, true);
        for (var c = 0; c < count && finite; c++)
        {
            var x = -1.0 + ((firstColumn + c) * dx);
            var scale = amplitude * Math.Exp(-(x * x) / (2 * variance));
            finite = Bounds(columns.Slice(c * n, n), rows, scale, ref peak, ref lower, out partial[3 + c]);
        }

        (partial[0], partial[1], partial[2]) = (peak, lower, finite ? 1 : 0);
        return partial;
    }

    /// <summary>Merges the partials of consecutive column runs covering the field, in column order, and computes the
    /// exact error of the few cells that can hold the maximum.</summary>
    public static (double Peak, double MaxError) Finish(ReadOnlySpan<double> field, int n, double t, double sigma, IReadOnlyList<double[]> partials)
    {
        var (peak, lower, upper) = (double.NegativeInfinity, 0.0, new double[n]);
        var c0 = 0;
        foreach (var partial in partials)
        {
            if (partial[2] == 0)
            {
                return (Peak(field), PlainMaxError(field, n, t, sigma));
            }

            (peak, lower) = (Math.Max(peak, partial[0]), Math.Max(lower, partial[1]));
            partial.AsSpan(3).CopyTo(upper.AsSpan(c0));
            c0 += partial.Length - 3;
        }

        // Vector maxima may pick either zero of a -0/+0 tie; Enumerable.Max keeps the first one.
        peak = peak == 0 ? Peak(field) : peak;
        var (rows, dx, variance, amplitude) = Rows(n, t, sigma);
        var worst = 0.0;
        for (var c = 0; c < n; c++)
        {
            if (upper[c] < lower)
            {
                continue;
            }

            var x = -1.0 + (c * dx);
            var scale = amplitude * Math.Exp(-(x * x) / (2 * variance));
            for (var r = 0; r < n; r++)
            {
                var u = field[(c * n) + r];
                var estimate = scale * rows[r];
                if (Math.Abs(u - estimate) + Slack(u, estimate) >= lower)
                {
                    var exact = HeatStencil.Analytic(x, -1.0 + (r * dx), t, sigma);
                    worst = Math.Max(worst, Math.Abs(u - exact));
                }
            }
        }

        return (peak, worst);
    }

    private static (double[] Rows, double Dx, double Variance, double Amplitude) Rows(int n, double t, double sigma)
    {
        var dx = 2.0 / (n - 1);
        var variance = (sigma * sigma) + (2 * t);
        var rows = new double[n];
        for (var r = 0; r < n; r++)
        {
            var y = -1.0 + (r * dx);
            rows[r] = Math.Exp(-(y * y) / (2 * variance));
        }

        return (rows, dx, variance, sigma * sigma / variance);
    }

    private static double Slack(double u, double estimate) => (RelativeSlack * (estimate + Math.Abs(u))) + AbsoluteSlack;

    /// <summary>Raises <paramref name="peak"/> to the column's largest value and <paramref name="lower"/> to its
    /// largest error lower bound, and returns its largest upper bound; false when the column holds a NaN or an infinity.</summary>
    private static bool Bounds(ReadOnlySpan<double> column, ReadOnlySpan<double> rows, double scale, ref double peak, ref double lower, out double upper)
    {
        var n = column.Length;
        var r = 0;
        upper = 0.0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var scaleV = new Vector<double>(scale);
            var relative = new Vector<double>(RelativeSlack);
            var absolute = new Vector<double>(AbsoluteSlack);
            var top = new Vector<double>(double.NegativeInfinity);
            var low = Vector<double>.Zero;
            var high = Vector<double>.Zero;
            var finite = Vector<long>.AllBitsSet;
            for (; r + Vector<double>.Count <= n; r += Vector<double>.Count)
            {
                var u = new Vector<double>(column[r..]);
                top = Vector.Max(top, u);
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
                peak = Math.Max(peak, top[lane]);
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
            peak = Math.Max(peak, u);
            lower = Math.Max(lower, error - slack);
            upper = Math.Max(upper, error + slack);
        }

        return true;
    }
}

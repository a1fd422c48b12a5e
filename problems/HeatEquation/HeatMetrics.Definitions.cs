namespace Workbench.Problems.HeatEquation;

/// <summary>The plain definitions of the metrics: what the fast path must equal bit for bit, and its fallback for
/// fields holding a NaN or an infinity (and for a zero peak, whose sign only a first-come scan gets right).</summary>
public static partial class HeatMetrics
{
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
}

namespace Workbench.Engine.Experiments;

/// <summary>Order statistics for experiment tables and curves.</summary>
public static class Statistics
{
    /// <summary>The q-quantile with linear interpolation between order statistics (R's type 7, numpy's default),
    /// so the median of an even count is the mean of the middle two. NaN for no values.</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>The pointwise median of curves of possibly different lengths; a shorter curve is extended with
    /// its last value (a run that converged early keeps its best).</summary>
    public static double[] MedianCurve(IReadOnlyList<double[]> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var length = curves.Count == 0 ? 0 : curves.Max(c => c.Length);
        var result = new double[length];
        var column = new double[curves.Count];
        for (var i = 0; i < length; i++)
        {
            for (var r = 0; r < curves.Count; r++)
            {
                var curve = curves[r];
                column[r] = curve.Length == 0 ? double.NaN : curve[Math.Min(i, curve.Length - 1)];
            }

            result[i] = Quantile(column, 0.5);
        }

        return result;
    }
}

namespace Workbench.Algorithms.Ga;

internal static class PopulationDiversity
{
    /// <summary>Mean distance of the individuals to their centroid, over the length of the domain's diagonal.</summary>
    public static double Of(ReadOnlySpan<double> genes, int count, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, Span<double> centroid)
    {
        var d = lower.Length;
        centroid.Clear();
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < d; j++)
            {
                centroid[j] += genes[(i * d) + j];
            }
        }

        var diagonal = 0.0;
        for (var j = 0; j < d; j++)
        {
            centroid[j] /= count;
            var w = upper[j] - lower[j];
            diagonal += w * w;
        }

        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            var sq = 0.0;
            for (var j = 0; j < d; j++)
            {
                var dx = genes[(i * d) + j] - centroid[j];
                sq += dx * dx;
            }

            total += Math.Sqrt(sq);
        }

        return total / count / Math.Sqrt(diagonal);
    }
}

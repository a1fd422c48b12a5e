using MathNet.Numerics.Random;

namespace Workbench.Engine.Statistics;

/// <summary>A percentile bootstrap confidence interval: the statistic of the sample and the interval that holds
/// the central <c>Confidence</c> share of its resampled values.</summary>
public sealed record BootstrapInterval(double Estimate, double Lower, double Upper, double Confidence)
{
    /// <summary>Resamples <paramref name="sample"/> with replacement <paramref name="resamples"/> times.</summary>
    /// <remarks>Seeded (Mersenne Twister, stable across .NET versions) so a report prints the same interval every
    /// time it is built from the same runs. A statistic that is NaN on a resample (an ERT with no success) is
    /// kept as +∞ so that "unsolved" widens the interval instead of vanishing from it.</remarks>
    public static BootstrapInterval Of(IReadOnlyList<double> sample, Func<IReadOnlyList<double>, double> statistic,
        double confidence = 0.95, int resamples = 2000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(statistic);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must lie strictly between 0 and 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var estimate = statistic(sample);
        if (sample.Count == 0)
        {
            return new BootstrapInterval(estimate, double.NaN, double.NaN, confidence);
        }

        var random = new MersenneTwister(seed);
        var values = new double[resamples];
        var draw = new double[sample.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < draw.Length; i++)
            {
                draw[i] = sample[random.Next(sample.Count)];
            }

            var value = statistic(draw);
            values[r] = double.IsNaN(value) ? double.PositiveInfinity : value;
        }

        Array.Sort(values);
        var tail = (1 - confidence) / 2;
        return new BootstrapInterval(estimate, Quantiles.QuantileOfSorted(values, tail), Quantiles.QuantileOfSorted(values, 1 - tail), confidence);
    }
}

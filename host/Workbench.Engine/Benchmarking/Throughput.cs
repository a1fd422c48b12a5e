using System.Diagnostics;
using Workbench.Engine.Statistics;

namespace Workbench.Engine.Benchmarking;

/// <summary>Median-of-repetitions timing for throughput figures (evaluations/s, cell updates/s).</summary>
public static class Throughput
{
    /// <summary>Warms <paramref name="work"/> up, then runs it <paramref name="repetitions"/> times, and returns
    /// the median of <c>units / seconds</c>. Medians, not means: this machine is shared and noisy.</summary>
    public static double MedianRate(Action work, double units, int repetitions)
    {
        // Warm up long enough for tiered compilation to reach optimised code (30 calls and a background
        // recompile), or the first repetitions time unoptimised code.
        var warmUp = Stopwatch.StartNew();
        for (var calls = 0; calls < 40 || warmUp.Elapsed < TimeSpan.FromMilliseconds(300); calls++)
        {
            work();
        }

        var rates = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            work();
            rates[i] = units / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        return Quantiles.Median(rates);
    }
}

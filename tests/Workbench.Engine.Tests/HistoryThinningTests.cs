using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Engine.Tests;

/// <summary>Thinned history keeps the start, every improvement and the end, and few rows else; the best-so-far
/// curve read back from the kept rows equals the original at every iteration.</summary>
[Trait("kind", "unit")]
public sealed class HistoryThinningTests
{
    [Fact]
    public void Keeps_the_exact_best_so_far_curve_in_few_rows()
    {
        const int iterations = 1_000_000;
        var random = new Random(7);
        var inner = new RecordingObserver();
        var thinning = new HistoryThinning(inner);
        var best = new double[iterations + 1];
        var current = 100.0;
        thinning.OnRunStarted(null!);
        for (var i = 1; i <= iterations; i++)
        {
            // Improvements come often early and rarely later, as in a converging run.
            if (random.NextDouble() < 50.0 / i)
            {
                current *= 0.9;
            }

            best[i] = current;
            thinning.OnIteration(new IterationRecord(i, i * 10L, current, current, current, i * 1e-5, []));
        }

        thinning.OnRunFinished(null!);

        var kept = inner.History;
        Assert.True(kept.Count < 5_000, $"{kept.Count} rows kept");
        Assert.Equal(Enumerable.Range(1, HistoryThinning.KeepFirst).Select(i => (long)i), kept.Take(HistoryThinning.KeepFirst).Select(r => r.Iteration));
        Assert.Equal(iterations, kept[^1].Iteration);
        var k = 0;
        for (var i = 1; i <= iterations; i++)
        {
            while (k + 1 < kept.Count && kept[k + 1].Iteration <= i)
            {
                k++;
            }

            Assert.Equal(best[i], kept[k].BestSoFar);
        }
    }
}

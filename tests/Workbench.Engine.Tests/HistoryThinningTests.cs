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

    [Fact]
    public void Stays_within_the_row_budget_up_to_long_MaxValue_iterations_keeping_the_start_the_end_and_the_final_best()
    {
        var inner = new RecordingObserver();
        var thinning = new HistoryThinning(inner);
        thinning.OnRunStarted(null!);
        var budget = HistoryThinning.RowBudget(HistoryThinning.DefaultMaxBytes, extras: 2);
        IterationRecord? finalBest = null;
        IterationRecord? last = null;
        var fed = 0L;
        // Every iteration improves: the worst case for a rule that keeps improvements. Consecutive iterations first,
        // then ever larger jumps, so that the feed reaches iteration numbers no run could.
        for (double i = 1; i < long.MaxValue / 2.0; i = i < 2_000_000 ? i + 1 : i * 1.00002)
        {
            var iteration = (long)i;
            var best = 1.0 / i;
            last = new IterationRecord(iteration, iteration * 10, best, best, best, i * 1e-6, [i, -i]);
            finalBest = last;
            thinning.OnIteration(last);
            fed++;
        }

        // A last stretch without improvement: the final best must still be stored where it was reached.
        last = finalBest! with { Iteration = finalBest.Iteration + 5, Evaluations = finalBest.Evaluations + 50, IterationBest = 3 };
        thinning.OnIteration(last);
        thinning.OnRunFinished(null!);

        var kept = inner.History;
        Assert.True(fed > 2_000_000, $"{fed} fed");
        Assert.True(kept.Count <= budget, $"{kept.Count} rows kept, budget {budget}");
        Assert.Equal(Enumerable.Range(1, HistoryThinning.KeepFirst).Select(i => (long)i), kept.Take(HistoryThinning.KeepFirst).Select(r => r.Iteration));
        Assert.Equal(last, kept[^1]);
        Assert.Equal(finalBest, kept[^2]);
        Assert.Equal(kept.Select(r => r.Iteration).Order(), kept.Select(r => r.Iteration)); // in order, no repeats
        Assert.Equal(kept.Count, kept.Select(r => r.Iteration).Distinct().Count());
    }
}

using Workbench.Contracts.Optimizers;

namespace Workbench.Conformance;

public delegate double Objective(ReadOnlySpan<double> x);

/// <summary>The host's run loop in miniature, for optimiser tests: ask, evaluate every row, tell.</summary>
public static class AskTell
{
    /// <summary>One Ask/Tell; <paramref name="fitness"/> must hold at least a whole batch. Returns the batch size.</summary>
    public static int Step(IOptimizer optimizer, Objective f, double[] fitness)
    {
        var batch = optimizer.Ask().Span;
        var d = optimizer.Dimension;
        var n = batch.Length / d;
        for (var i = 0; i < n; i++)
        {
            fitness[i] = f(batch.Slice(i * d, d));
        }

        optimizer.Tell(fitness.AsSpan(0, n));
        return n;
    }

    /// <summary>Runs <paramref name="iterations"/> Ask/Tell rounds of a population-based optimiser; returns its best.</summary>
    public static double Run(IOptimizer optimizer, Objective f, int iterations)
    {
        var fitness = new double[((IMigrationSupport)optimizer).PopulationSize];
        for (var t = 0; t < iterations; t++)
        {
            Step(optimizer, f, fitness);
        }

        return optimizer.BestFitness;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}

using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

namespace Workbench.Conformance;

/// <summary>Checks an optimiser plugin against the rules the host relies on: it is created from its default
/// options, every asked point lies inside the bounds, Ask and Tell alternate strictly, and the same seed with the
/// same fitness values gives the same batches.</summary>
public static class OptimizerConformance
{
    /// <summary>Runs every check; throws <see cref="ConformanceException"/> at the first rule broken.</summary>
    /// <param name="factory">The optimiser's factory, as the catalog would discover it.</param>
    /// <param name="dimension">Problem dimension to drive the optimiser on.</param>
    /// <param name="iterations">Ask/tell rounds per check.</param>
    /// <param name="seed">The seed every optimiser is created with.</param>
    public static void Check(IOptimizerFactory factory, int dimension = 3, int iterations = 30, ulong seed = 42)
    {
        CreatesFromDefaults(factory, dimension, seed);
        AsksInsideTheBounds(factory, dimension, iterations, seed);
        RefusesASecondAskWithoutTell(factory, dimension, seed);
        IsDeterministic(factory, dimension, iterations, seed);
    }

    public static void CreatesFromDefaults(IOptimizerFactory factory, int dimension = 3, ulong seed = 42)
    {
        var optimizer = Create(factory, dimension, seed);
        if (optimizer.Dimension != dimension)
        {
            throw new ConformanceException($"{factory.Id}: created for dimension {dimension}, the optimiser says {optimizer.Dimension}");
        }
    }

    /// <summary>Bounds that are neither symmetric nor around zero, so clipping to [-1, 1] or [0, 1] is caught.</summary>
    public static void AsksInsideTheBounds(IOptimizerFactory factory, int dimension = 3, int iterations = 30, ulong seed = 42)
    {
        var optimizer = Create(factory, dimension, seed);
        for (var t = 0; t < iterations; t++)
        {
            var batch = optimizer.Ask().Span;
            CheckShape(factory, batch.Length, dimension, t);
            for (var i = 0; i < batch.Length; i++)
            {
                var lower = Lower(i % dimension);
                var upper = lower + Width;
                if (!(batch[i] >= lower && batch[i] <= upper))
                {
                    throw new ConformanceException(
                        $"{factory.Id}: iteration {t} asked coordinate {i % dimension} = {batch[i]} of point {i / dimension}, outside [{lower}, {upper}]");
                }
            }

            optimizer.Tell(Fitness(batch, dimension));
        }
    }

    public static void RefusesASecondAskWithoutTell(IOptimizerFactory factory, int dimension = 3, ulong seed = 42)
    {
        var optimizer = Create(factory, dimension, seed);
        optimizer.Ask();
        try
        {
            optimizer.Ask();
        }
        catch (InvalidOperationException)
        {
            return;
        }

        throw new ConformanceException($"{factory.Id}: a second Ask without a Tell must throw InvalidOperationException; it returned a batch");
    }

    /// <summary>Two optimisers from one seed, told the same fitness values, must ask bit-identical batches.</summary>
    public static void IsDeterministic(IOptimizerFactory factory, int dimension = 3, int iterations = 30, ulong seed = 42)
    {
        var first = Create(factory, dimension, seed);
        var second = Create(factory, dimension, seed);
        for (var t = 0; t < iterations; t++)
        {
            var a = first.Ask().Span;
            var b = second.Ask().Span;
            if (!a.SequenceEqual(b))
            {
                throw new ConformanceException(
                    $"{factory.Id}: same seed {seed}, same fitness values, but iteration {t} asked different points; all randomness must come from the seed");
            }

            var fitness = Fitness(a, dimension);
            first.Tell(fitness);
            second.Tell(fitness);
        }
    }

    private const double Width = 10;

    private static double Lower(int coordinate) => 3 + coordinate;

    private static IOptimizer Create(IOptimizerFactory factory, int dimension, ulong seed)
    {
        var lower = Enumerable.Range(0, dimension).Select(c => Lower(c)).ToArray();
        var bounds = new Bounds(lower, lower.Select(l => l + Width).ToArray());
        try
        {
            return factory.Create(new ProblemInfo("conformance", dimension, bounds), factory.Options.Defaults, seed);
        }
        catch (OptionException e)
        {
            throw new ConformanceException($"{factory.Id}: its default options are refused: {e.Message}");
        }
    }

    private static void CheckShape(IOptimizerFactory factory, int length, int dimension, int iteration)
    {
        if (length == 0 || length % dimension != 0)
        {
            throw new ConformanceException($"{factory.Id}: iteration {iteration} asked {length} values, not a whole non-empty batch of {dimension}-dimensional points");
        }
    }

    /// <summary>A sphere around the middle of the box: a real landscape, so the optimiser moves.</summary>
    private static double[] Fitness(ReadOnlySpan<double> batch, int dimension)
    {
        var fitness = new double[batch.Length / dimension];
        for (var i = 0; i < batch.Length; i++)
        {
            var d = batch[i] - (Lower(i % dimension) + (Width / 2));
            fitness[i / dimension] += d * d;
        }

        return fitness;
    }
}

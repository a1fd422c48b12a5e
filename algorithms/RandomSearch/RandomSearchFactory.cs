using Workbench.Contracts.Optimizers;

namespace Workbench.Algorithms.RandomSearch;

public sealed class RandomSearchFactory : OptimizerFactory<RandomSearchOptions>
{
    public override string Id => "random";

    public override string Description => "Random search: samples batches of points uniformly in the bounds and keeps the best.";

    protected override IOptimizer Create(ProblemInfo problem, RandomSearchOptions options, ulong seed) =>
        new RandomSearchOptimizer(problem.Bounds, options.BatchSize, seed);

    /// <summary>One batch of points.</summary>
    protected override long? EstimateBytes(int dimension, RandomSearchOptions options) => 8L * options.BatchSize * (dimension + 1L);
}

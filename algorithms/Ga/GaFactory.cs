using Workbench.Contracts.Optimizers;

namespace Workbench.Algorithms.Ga;

public sealed class GaFactory : OptimizerFactory<GaOptions>
{
    public override string Id => "ga";

    public override string Description =>
        "Real-coded generational GA: tournament selection, SBX or BLX-alpha crossover, polynomial or Gaussian mutation, elitism";

    protected override IOptimizer Create(ProblemInfo problem, GaOptions options, ulong seed) => new GeneticAlgorithm(problem, options, seed);

    /// <summary>Two generations of genes (2 × population × n) and the fitness, ranking and selection arrays.</summary>
    protected override long? EstimateBytes(int dimension, GaOptions options) =>
        8L * options.Population * ((2L * dimension) + 6);
}

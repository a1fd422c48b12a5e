using Workbench.Contracts.Optimizers;

namespace Workbench.Algorithms.Ga;

public sealed class GaFactory : OptimizerFactory<GaOptions>
{
    public override string Id => "ga";

    public override string Description =>
        "Real-coded generational GA: tournament selection, SBX or BLX-alpha crossover, polynomial or Gaussian mutation, elitism";

    protected override IOptimizer Create(ProblemInfo problem, GaOptions options, ulong seed) => new GeneticAlgorithm(problem, options, seed);
}

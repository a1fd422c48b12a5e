using Workbench.Contracts.Problems;
using Workbench.Problems.Benchmarks.Functions;

namespace Workbench.Problems.Benchmarks.Factories;

public sealed class RastriginFactory : BenchmarkFactory
{
    public override string Id => "rastrigin";

    public override string Description => "Rastrigin: sphere plus a cosine grid of local minima; minimum 0 at the origin.";

    public override double DomainLower => -5.12;

    public override double DomainUpper => 5.12;

    public override double OptimumCoordinate => 0.0;

    private protected override IProblem Build(string id, Bounds bounds, KnownOptimum? optimum) =>
        new BenchmarkProblem<RastriginObjective, RastriginGpu>(id, bounds, optimum, default);
}

using Workbench.Contracts.Problems;
using Workbench.Problems.Benchmarks.Functions;

namespace Workbench.Problems.Benchmarks.Factories;

public sealed class AckleyFactory : BenchmarkFactory
{
    public override string Id => "ackley";

    public override string Description => "Ackley: nearly flat outer region with one deep hole; minimum 0 at the origin.";

    public override double DomainLower => -32.768;

    public override double DomainUpper => 32.768;

    public override double OptimumCoordinate => 0.0;

    private protected override IProblem Build(string id, Bounds bounds, KnownOptimum? optimum) =>
        new BenchmarkProblem<AckleyObjective, AckleyGpu>(id, bounds, optimum, default);
}

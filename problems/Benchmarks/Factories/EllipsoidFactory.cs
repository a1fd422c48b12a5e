using Workbench.Contracts.Problems;
using Workbench.Problems.Benchmarks.Functions;

namespace Workbench.Problems.Benchmarks.Factories;

public sealed class EllipsoidFactory : BenchmarkFactory
{
    public override string Id => "ellipsoid";

    public override string Description => "Ellipsoid: sphere with weights 10^(6(i-1)/(n-1)), condition number 1e6; minimum 0 at the origin.";

    public override double DomainLower => -5.0;

    public override double DomainUpper => 5.0;

    public override double OptimumCoordinate => 0.0;

    private protected override IProblem Build(string id, Bounds bounds, KnownOptimum? optimum)
    {
        var weights = Ellipsoid.Weights(bounds.Dimension);
        return new BenchmarkProblem<EllipsoidObjective, EllipsoidGpu>(id, bounds, optimum, new(weights), weights);
    }
}

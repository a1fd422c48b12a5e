using Workbench.Contracts.Problems;
using Workbench.Problems.Benchmarks.Functions;

namespace Workbench.Problems.Benchmarks.Factories;

public sealed class GriewankFactory : BenchmarkFactory
{
    public override string Id => "griewank";

    public override string Description => "Griewank: many shallow minima on a wide bowl; minimum 0 at the origin.";

    public override double DomainLower => -600.0;

    public override double DomainUpper => 600.0;

    public override double OptimumCoordinate => 0.0;

    private protected override IProblem Build(string id, Bounds bounds, KnownOptimum? optimum)
    {
        var scales = Griewank.InverseSqrtIndices(bounds.Dimension);
        return new BenchmarkProblem<GriewankObjective, GriewankGpu>(id, bounds, optimum, new(scales), scales);
    }
}

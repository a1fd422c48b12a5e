using Workbench.Contracts.Problems;
using Workbench.Problems.Benchmarks.Functions;

namespace Workbench.Problems.Benchmarks.Factories;

public sealed class SphereFactory : BenchmarkFactory
{
    public override string Id => "sphere";

    public override string Description => "Sphere: sum of squares. Unimodal and separable; minimum 0 at the origin.";

    public override double DomainLower => -5.0;

    public override double DomainUpper => 5.0;

    public override double OptimumCoordinate => 0.0;

    private protected override IProblem Build(string id, Bounds bounds, KnownOptimum? optimum) =>
        new BenchmarkProblem<SphereObjective, SphereGpu>(id, bounds, optimum, default);
}

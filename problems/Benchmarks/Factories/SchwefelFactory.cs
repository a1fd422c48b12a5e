using Workbench.Contracts.Problems;
using Workbench.Problems.Benchmarks.Functions;

namespace Workbench.Problems.Benchmarks.Factories;

public sealed class SchwefelFactory : BenchmarkFactory
{
    public override string Id => "schwefel";

    public override string Description => "Schwefel: deceptive, the best minimum is near the box corner; minimum 0 at x_i = +420.9687.";

    public override double DomainLower => -500.0;

    public override double DomainUpper => 500.0;

    // Plus, not minus: at -420.9687 each coordinate adds about 837.97 (the Playdoh paper has the sign wrong).
    public override double OptimumCoordinate => Schwefel.OptimumCoordinate;

    private protected override IProblem Build(string id, Bounds bounds, KnownOptimum? optimum) =>
        new BenchmarkProblem<SchwefelObjective, SchwefelGpu>(id, bounds, optimum, default);
}

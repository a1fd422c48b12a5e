using Workbench.Contracts.Problems;
using Workbench.Problems.Benchmarks.Functions;

namespace Workbench.Problems.Benchmarks.Factories;

public sealed class RosenbrockFactory : BenchmarkFactory
{
    public override string Id => "rosenbrock";

    public override string Description => "Rosenbrock: a narrow curved valley; minimum 0 at (1, ..., 1). Dimension 2 or more.";

    /// <summary>The sum couples neighbouring coordinates, so one coordinate has nothing to couple.</summary>
    public override DimensionRange Dimensions => new(2, int.MaxValue);

    // [-2.2, 2.2] as in the Playdoh paper, rather than the wider [-5, 10] of some suites, so results compare.
    public override double DomainLower => -2.2;

    public override double DomainUpper => 2.2;

    public override double OptimumCoordinate => 1.0;

    private protected override IProblem Build(string id, Bounds bounds, KnownOptimum? optimum) =>
        new BenchmarkProblem<RosenbrockObjective, RosenbrockGpu>(id, bounds, optimum, default);
}

using Workbench.Contracts.Tasks;

namespace Workbench.Problems.MonteCarlo;

/// <summary>Estimates pi as 4 x (share of uniform points of the unit square inside the quarter disc). Each node
/// draws its own points from its own seed; the client adds the counts. Same seed and node count, same count.</summary>
public sealed class PiTaskFactory : ParallelTaskFactory<PiOptions>
{
    public override string Id => "pi";

    public override string Description => "Monte Carlo estimate of pi; nodes count points inside the quarter circle independently.";

    public override IParallelTask CreateNode() => new PiNode();

    /// <summary>Node i draws points/K points, the first points mod K nodes one more: a fixed split, so a count
    /// depends only on the seed, the total and K.</summary>
    public static long PointsOf(long total, int nodes, int node) => (total / nodes) + (node < total % nodes ? 1 : 0);

    protected override TaskLayout Plan(PiOptions options, ulong seed) =>
        new(Enumerable.Range(0, options.Nodes).Select(i => TaskArguments.With("points", PointsOf(options.Points, options.Nodes, i))), TubeTopology.None);

    protected override TaskResult Combine(PiOptions options, IReadOnlyList<TaskValue> nodeResults)
    {
        var inside = nodeResults.Sum(r => r.AsInteger());
        var p = (double)inside / options.Points;
        var estimate = 4 * p;
        // Binomial standard error of the share, scaled by 4.
        var standardError = 4 * Math.Sqrt(p * (1 - p) / options.Points);
        return new TaskResult(
            TaskValue.FromReal(estimate),
            [],
            [
                new TaskMetric("inside", inside, "points"),
                new TaskMetric("points", options.Points, "points"),
                new TaskMetric("standard error", standardError),
                new TaskMetric("error", estimate - Math.PI),
            ]);
    }
}

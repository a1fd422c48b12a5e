using Workbench.Engine.Tasks;
using Workbench.Problems.MonteCarlo;

namespace Workbench.Tasks.Tests;

public sealed class MonteCarloTests
{
    private static TaskRunResult Run(long points, int nodes, ulong seed) =>
        new TaskRunner().Run(new PiTaskFactory(), new Dictionary<string, string> { ["points"] = points.ToString() }, seed, nodes);

    [Fact]
    public void The_same_seed_and_node_count_give_the_same_count()
    {
        var first = Run(1_000_000, 3, 42);
        var second = Run(1_000_000, 3, 42);
        Assert.Equal(first.Result.Metrics.Single(m => m.Name == "inside").Value, second.Result.Metrics.Single(m => m.Name == "inside").Value);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(3, first.NodeCount);
    }

    [Fact]
    public void A_different_seed_gives_a_different_count()
    {
        Assert.NotEqual(Run(100_000, 2, 1).Sha256, Run(100_000, 2, 2).Sha256);
    }

    [Fact]
    public void The_estimate_is_within_four_standard_errors_of_pi()
    {
        var result = Run(4_000_000, 2, 2011);
        var estimate = result.Result.Value.AsReal();
        var standardError = result.Result.Metrics.Single(m => m.Name == "standard error").Value;
        Assert.InRange(standardError, 5e-4, 1.5e-3);
        Assert.InRange(estimate, Math.PI - (4 * standardError), Math.PI + (4 * standardError));
    }

    [Theory]
    [InlineData(10L, 3)]
    [InlineData(10_000_000L, 7)]
    [InlineData(2L, 5)]
    public void Points_are_split_deterministically_and_completely(long total, int nodes)
    {
        var shares = Enumerable.Range(0, nodes).Select(i => PiTaskFactory.PointsOf(total, nodes, i)).ToArray();
        Assert.Equal(total, shares.Sum());
        Assert.True(shares.Max() - shares.Min() <= 1);
    }
}

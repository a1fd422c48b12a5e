using Workbench.Contracts.Tasks;
using Workbench.Engine;

namespace Workbench.Tasks.Tests;

public sealed class TopologyTests
{
    private static TaskValue Nothing(ITaskContext context, CancellationToken token) => TaskValue.FromInteger(context.NodeIndex);

    [Fact]
    public void A_tube_to_an_unknown_node_is_refused()
    {
        var task = new LambdaTask("t", 2, new TubeTopology([new TubeLink("a", 0, 5)]), Nothing);
        var error = Assert.Throws<RunSetupException>(() => task.Execute());
        Assert.Equal("topology", error.Subject);
        Assert.Contains("tube 'a' goes to unknown node 5; nodes are 0..1", error.Message);
    }

    [Fact]
    public void A_tube_from_a_negative_node_is_refused()
    {
        var task = new LambdaTask("t", 2, new TubeTopology([new TubeLink("a", -1, 1)]), Nothing);
        Assert.Contains("goes from unknown node -1", Assert.Throws<RunSetupException>(() => task.Execute()).Message);
    }

    [Fact]
    public void A_duplicate_tube_name_is_refused()
    {
        var task = new LambdaTask("t", 3, new TubeTopology([new TubeLink("a", 0, 1), new TubeLink("a", 1, 2)]), Nothing);
        Assert.Contains("tube name 'a' is used twice", Assert.Throws<RunSetupException>(() => task.Execute()).Message);
    }

    [Fact]
    public void A_node_without_a_task_is_refused()
    {
        var task = new LambdaTask("t", 3, TubeTopology.None, Nothing) { MissingNode = 2 };
        Assert.Contains("node 2 has no task", Assert.Throws<RunSetupException>(() => task.Execute()).Message);
    }

    [Fact]
    public void A_task_without_nodes_is_refused()
    {
        var task = new LambdaTask("t", 0, TubeTopology.None, Nothing);
        Assert.Equal("nodes", Assert.Throws<RunSetupException>(() => task.Execute()).Subject);
    }

    [Fact]
    public void Double_linear_has_right_and_left_tubes_between_neighbours()
    {
        var links = TubeTopology.DoubleLinear(3).Links;
        Assert.Equal(
            [new TubeLink("right_0", 0, 1), new TubeLink("left_0", 1, 0), new TubeLink("right_1", 1, 2), new TubeLink("left_1", 2, 1)],
            links);
    }
}

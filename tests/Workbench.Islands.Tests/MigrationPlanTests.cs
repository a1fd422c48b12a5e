using Workbench.Engine.Islands;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Islands.Tests;

public sealed class MigrationPlanTests
{
    private static MigrationPlan Plan(double rate, int interval = 20, int count = 4) =>
        new(new IslandSettings(count, interval, rate, MigrationTopology.Ring));

    [Theory]
    [InlineData(0.01, 1000, 10)]
    [InlineData(0.07, 100, 7)]
    [InlineData(0.01, 80, 1)]
    [InlineData(0.001, 10, 1)]
    [InlineData(0.25, 10, 3)]
    [InlineData(0.0, 1000, 0)]
    [InlineData(1.0, 37, 37)]
    public void Migrant_count_is_the_ceiling_of_rate_times_size(double rate, int size, int expected)
    {
        Assert.Equal(expected, Plan(rate).MigrantCount(size));
    }

    [Fact]
    public void Migration_is_due_every_interval_generations_counting_the_initial_one()
    {
        var plan = Plan(0.1, interval: 20);
        var due = Enumerable.Range(0, 101).Where(g => plan.IsDue(g)).ToArray();
        Assert.Equal([20, 40, 60, 80, 100], due);
        Assert.False(Plan(0.1, interval: 1, count: 1).IsDue(5));
    }

    [Fact]
    public void Ring_sends_from_k_to_k_plus_one()
    {
        bool[] all = [true, true, true, true];
        Assert.Equal([3], IslandTopology.Sources(MigrationTopology.Ring, 0, all));
        Assert.Equal([0], IslandTopology.Sources(MigrationTopology.Ring, 1, all));
        Assert.Equal([2], IslandTopology.Sources(MigrationTopology.Ring, 3, all));
    }

    [Fact]
    public void Fully_connected_receives_from_every_other_island()
    {
        bool[] all = [true, true, true, true];
        Assert.Equal([0, 2, 3], IslandTopology.Sources(MigrationTopology.FullyConnected, 1, all));
    }

    [Fact]
    public void Retired_islands_neither_send_nor_receive()
    {
        bool[] active = [true, false, true, true];
        Assert.Empty(IslandTopology.Sources(MigrationTopology.Ring, 2, active));
        Assert.Empty(IslandTopology.Sources(MigrationTopology.Ring, 1, active));
        Assert.Equal([0, 3], IslandTopology.Sources(MigrationTopology.FullyConnected, 2, active));
        Assert.Empty(IslandTopology.Sources(MigrationTopology.Ring, 0, [true]));
    }

    [Fact]
    public void Fully_connected_takes_the_best_of_the_union_with_ties_to_the_lower_island()
    {
        ReadOnlyMemory<double>[] emigrants = [new[] { 1.0, 5.0 }, new[] { 0.5, 3.0 }, new[] { 1.0, 2.0 }, new[] { 0.1, 0.2 }];
        var chosen = MigrationPlan.ChooseImmigrants([0, 1, 2], emigrants, 3);
        Assert.Equal([(1, 0), (0, 0), (2, 0)], chosen);
        Assert.Equal([(3, 0), (3, 1)], MigrationPlan.ChooseImmigrants([3], emigrants, 5));
    }

    [Theory]
    [InlineData("ring", MigrationTopology.Ring)]
    [InlineData("Fully-Connected", MigrationTopology.FullyConnected)]
    public void Topologies_parse_and_print(string text, MigrationTopology topology)
    {
        Assert.Equal(topology, IslandTopology.Parse(text));
        Assert.Equal(text.ToLowerInvariant(), IslandTopology.Name(topology));
        Assert.Null(IslandTopology.Parse("star"));
    }
}

using Workbench.Conformance;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;
using Workbench.Engine.Islands;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Islands.Tests;

/// <summary>The composite driven by hand: islands of <see cref="TinyPopulation"/> next to identical reference
/// islands that never migrate, so each migration's effect can be stated exactly.</summary>
public sealed class IslandOptimizerTests
{
    private const int Size = 10;
    private static readonly ProblemInfo Info = new("sphere", 2, Bounds.Uniform(2, -5, 5));

    private static TinyPopulation[] Populations(int count) =>
        Enumerable.Range(0, count).Select(k => new TinyPopulation(Info, (ulong)(100 + k), Size)).ToArray();

    private static double Sphere(ReadOnlySpan<double> x) => (x[0] * x[0]) + (x[1] * x[1]);

    /// <summary>One generation of the composite, and the same generation of each reference island.</summary>
    private static void Step(IslandOptimizer islands, TinyPopulation[] reference)
    {
        var batch = islands.Ask();
        var fitness = new double[batch.Length / 2];
        for (var i = 0; i < fitness.Length; i++)
        {
            fitness[i] = Sphere(batch.Span.Slice(2 * i, 2));
        }

        islands.Tell(fitness);
        var offset = 0;
        foreach (var r in reference)
        {
            var asked = r.Ask();
            Assert.True(asked.Span.SequenceEqual(batch.Span.Slice(offset * 2, asked.Length)), "the composite concatenates the islands' batches in order");
            r.Tell(fitness.AsSpan(offset, asked.Length / 2));
            offset += asked.Length / 2;
        }
    }

    private static HashSet<(double, double, double)> Members(TinyPopulation island, int from, int count) =>
        Enumerable.Range(from, count).Select(i => (island.Fitness[i], island.Points[2 * i], island.Points[(2 * i) + 1])).ToHashSet();

    [Fact]
    public void Ring_moves_each_islands_best_to_the_next_replacing_its_worst()
    {
        var members = Populations(3);
        var reference = Populations(3);
        var islands = new IslandOptimizer(members, new IslandSettings(3, 2, 0.2, MigrationTopology.Ring));
        Step(islands, reference);
        Assert.Equal(0, islands.Migrants);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(Members(reference[k], 0, Size), Members(members[k], 0, Size));
        }

        Step(islands, reference);
        Assert.Equal(6, islands.Migrants);
        for (var k = 0; k < 3; k++)
        {
            // Island k keeps its own best 8 and gains the best 2 of island k-1 as it was before migration:
            // every emigrant is copied before any island receives.
            var expected = Members(reference[k], 0, Size - 2);
            expected.UnionWith(Members(reference[(k + 2) % 3], 0, 2));
            Assert.Equal(expected, Members(members[k], 0, Size));
        }
    }

    [Fact]
    public void Fully_connected_gives_each_island_the_best_of_all_others_emigrants()
    {
        var members = Populations(4);
        var reference = Populations(4);
        var islands = new IslandOptimizer(members, new IslandSettings(4, 1, 0.3, MigrationTopology.FullyConnected));
        Step(islands, reference);
        for (var r = 0; r < 4; r++)
        {
            var offered = Enumerable.Range(0, 4).Where(s => s != r)
                .SelectMany(s => Members(reference[s], 0, 3)).OrderBy(m => m.Item1).Take(3);
            var expected = Members(reference[r], 0, Size - 3);
            expected.UnionWith(offered);
            Assert.Equal(expected, Members(members[r], 0, Size));
        }

        Assert.Equal(12, islands.Migrants);
    }

    [Fact]
    public void A_zero_rate_never_migrates()
    {
        var members = Populations(2);
        var reference = Populations(2);
        var islands = new IslandOptimizer(members, new IslandSettings(2, 1, 0.0, MigrationTopology.Ring));
        for (var g = 0; g < 3; g++)
        {
            Step(islands, reference);
        }

        Assert.Equal(0, islands.Migrants);
        Assert.Equal(Members(reference[1], 0, Size), Members(members[1], 0, Size));
    }

    [Fact]
    public void Islands_that_stop_are_retired_and_the_composite_stops_when_all_have()
    {
        IOptimizer[] members = [new TinyEs(Info, 1, 4, "tolfun", 2), new TinyEs(Info, 2, 4, "tolx", 4)];
        var islands = new IslandOptimizer(members, new IslandSettings(2, 1, 0.5, MigrationTopology.Ring));
        Assert.False(islands.Migrates);
        var sizes = new List<int>();
        while (islands.StopReason is null)
        {
            var batch = islands.Ask();
            sizes.Add(batch.Length / 2);
            islands.Tell(new double[batch.Length / 2]);
        }

        Assert.Equal([8, 8, 4, 4], sizes);
        Assert.Equal("islands:tolfun,tolx", islands.StopReason);
    }

    [Fact]
    public void Extras_are_each_islands_best_up_to_a_bound_then_island_zeros_extras_and_the_migrant_count()
    {
        var islands = new IslandOptimizer(Populations(20), new IslandSettings(20, 1, 0.1, MigrationTopology.Ring));
        Assert.Equal(IslandOptimizer.MaxReportedIslands + 2, islands.ExtraNames.Count);
        Assert.Equal("island-0-best", islands.ExtraNames[0]);
        Assert.Equal("island-15-best", islands.ExtraNames[15]);
        Assert.Equal(["island-0-sigma", "migrants"], islands.ExtraNames.Skip(16));
        var batch = islands.Ask();
        var fitness = Enumerable.Range(0, batch.Length / 2).Select(i => (double)i).ToArray();
        islands.Tell(fitness);
        var extras = new double[islands.ExtraNames.Count];
        islands.GetExtras(extras);
        Assert.Equal(0.0, extras[0]);
        // Island 3 was told 30..39, then received island 2's best (20) in the migration after this generation.
        Assert.Equal(Size * 2.0, extras[3]);
        Assert.Equal(20.0, extras[^1]);
        Assert.Equal(0.0, islands.BestFitness);
    }

    [Fact]
    public void Ask_and_tell_must_alternate()
    {
        var islands = new IslandOptimizer(Populations(2), new IslandSettings(2, 1, 0.1, MigrationTopology.Ring));
        Assert.Throws<InvalidOperationException>(() => islands.Tell([]));
        var batch = islands.Ask();
        Assert.Throws<InvalidOperationException>(() => islands.Ask());
        Assert.Throws<ArgumentException>(() => islands.Tell(new double[(batch.Length / 2) - 1]));
    }
}

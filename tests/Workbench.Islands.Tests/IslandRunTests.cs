using Workbench.Conformance;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Islands;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Islands.Tests;

/// <summary>Island runs through the planner and the run loop.</summary>
public sealed class IslandRunTests
{
    private static readonly IslandSettings Ring4 = new(4, 5, 0.1, MigrationTopology.Ring);

    [Theory]
    [InlineData(MigrationTopology.Ring)]
    [InlineData(MigrationTopology.FullyConnected)]
    public async Task Same_seed_gives_the_same_history_with_one_and_with_several_workers(MigrationTopology topology)
    {
        // 4 islands x 1000 x 3-D: large enough that both the islands' Ask/Tell and the evaluator go parallel.
        var islands = Ring4 with { Topology = topology };
        var serial = await Harness.RunAsync(Harness.Request(islands, workers: 1, population: 1000, iterations: 12));
        var parallel = await Harness.RunAsync(Harness.Request(islands, workers: 4, population: 1000, iterations: 12));
        var again = await Harness.RunAsync(Harness.Request(islands, workers: 3, population: 1000, iterations: 12));
        Assert.Equal("multicore", parallel.Description.Evaluator);
        Assert.Equal(12, serial.History.Count);
        Assert.Equal(Rows(serial.History), Rows(parallel.History));
        Assert.Equal(Rows(serial.History), Rows(again.History));
        Assert.Equal(serial.Summary.BestPoint, parallel.Summary.BestPoint);
        Assert.True(serial.History[^1].Extras[^1] > 0, "migrants moved");
    }

    private static IEnumerable<string> Rows(List<IterationRecord> history) =>
        history.Select(r => $"{r.Iteration} {r.Evaluations} {r.BestSoFar:R} {r.IterationBest:R} {r.Mean:R} {string.Join(' ', r.Extras.Select(e => e.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}");

    [Fact]
    public async Task All_islands_go_through_the_evaluator_as_one_batch_per_iteration()
    {
        var evaluators = new CountingEvaluators();
        var run = await Harness.RunAsync(Harness.Request(Ring4, workers: 2, population: 20, iterations: 12), evaluators);
        Assert.Equal(12, evaluators.Batches.Count);
        Assert.All(evaluators.Batches, n => Assert.Equal(4 * 20, n));
        Assert.Equal(12 * 80, run.Summary.Evaluations);
    }

    [Fact]
    public async Task Island_k_is_the_optimiser_created_with_the_derived_seed()
    {
        using var run = new RunPlanner(Harness.Catalog, new CpuEvaluatorProvider()).Prepare(Harness.Request(Ring4));
        var islands = Assert.IsType<IslandOptimizer>(run.Optimizer);
        var info = new ProblemInfo("shifted-sphere", 3, run.Problem.Bounds);
        for (var k = 0; k < 4; k++)
        {
            var alone = new TinyPopulation(info, Seeds.Derive(7, "island", (ulong)k), 20);
            Assert.True(alone.Ask().Span.SequenceEqual(islands.Islands[k].Ask().Span));
        }
    }

    [Fact]
    public async Task One_island_is_the_plain_run()
    {
        var plain = await Harness.RunAsync(Harness.Request(null));
        var one = await Harness.RunAsync(Harness.Request(Ring4 with { Count = 1 }));
        Assert.Equal(Rows(plain.History), Rows(one.History));
        Assert.Null(one.Description.IslandsMigrate);
    }

    [Fact]
    public async Task An_optimiser_without_migration_support_runs_independent_islands()
    {
        var run = await Harness.RunAsync(Harness.Request(Ring4, algorithm: "tiny-es", iterations: 5));
        Assert.False(run.Description.IslandsMigrate);
        Assert.Equal(5 * 4 * 8, run.Summary.Evaluations);
        Assert.Equal(["island-0-best", "island-1-best", "island-2-best", "island-3-best", "island-0-sigma", "migrants"], run.Description.ExtraNames);
    }

    [Fact]
    public async Task Migration_helps_a_laggard_island_catch_up()
    {
        // With migration every island's best ends at most one migration's progress behind the leader.
        var run = await Harness.RunAsync(Harness.Request(Ring4 with { MigrationInterval = 1 }, iterations: 40));
        var bests = run.History[^1].Extras[..4];
        Assert.All(bests, b => Assert.True(b <= 10 * bests.Min() + 1e-12, $"bests {string.Join(", ", bests)}"));
    }

    [Theory]
    [InlineData(0, 20, 0.01, "islands", "islands must be at least 1, got 0")]
    [InlineData(4, -1, 0.01, "migration-interval", "migration-interval must be at least 1, got -1")]
    [InlineData(4, 20, 1.5, "migration-rate", "migration-rate must be in [0, 1], got 1.5")]
    public void Bad_island_settings_are_setup_errors(int count, int interval, double rate, string subject, string message)
    {
        var request = Harness.Request(new IslandSettings(count, interval, rate, MigrationTopology.Ring));
        var error = Assert.Throws<RunSetupException>(() => new RunPlanner(Harness.Catalog, new CpuEvaluatorProvider()).Prepare(request));
        Assert.Equal(subject, error.Subject);
        Assert.Equal(message, error.Message);
    }
}

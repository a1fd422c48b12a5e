using Workbench.Engine.Evaluation;
using Workbench.Engine.Experiments;
using Workbench.Engine.Running;
using Workbench.Engine.Statistics;
using Xunit;

namespace Workbench.Islands.Tests;

public sealed class ExperimentTests
{
    [Fact]
    public void The_schwefel_experiment_has_the_papers_settings_and_the_equal_budget_control()
    {
        var e = PaperExperiments.Find("paper-schwefel")!;
        var islands = e.Settings[0].Template;
        Assert.Equal(new IslandSettings(4, 20, 0.01, MigrationTopology.Ring), islands.Islands);
        Assert.Equal("1000", islands.AlgorithmOptions["population"]);
        Assert.All(e.Settings, s => Assert.Equal(2000, s.Template.Stop.MaxIterations));
        Assert.Equal(["1000", "4000", "1000"], e.Settings.Select(s => s.Template.AlgorithmOptions["population"]));
        Assert.Equal([4, 1, 1], e.Settings.Select(s => s.Template.Islands?.Count ?? 1));
        var r = PaperExperiments.Find("PAPER-ROSENBROCK")!;
        Assert.Equal(["pso", "cmaes"], r.Settings.Select(s => s.Template.AlgorithmId));
        Assert.All(r.Settings, s => Assert.Equal((-2.2, 2.2), s.Template.Bounds));
    }

    [Fact]
    public async Task The_runner_repeats_each_setting_over_seeds_one_to_n()
    {
        var experiment = new ExperimentDefinition("tiny", "tiny", 1e-3,
        [
            new("islands", Harness.Request(new IslandSettings(2, 3, 0.1, MigrationTopology.Ring), iterations: 10)),
            new("single", Harness.Request(null, iterations: 10)),
        ]);
        var runner = new ExperimentRunner(new RunPlanner(Harness.Catalog, new CpuEvaluatorProvider()));
        var completed = new List<ulong>();
        runner.RunCompleted += (_, run) => completed.Add(run.Seed);
        var result = await runner.RunAsync(experiment, 3, new EvaluationSettings { Workers = 1 }, () => [], CancellationToken.None);
        Assert.Equal([1UL, 2, 3, 1, 2, 3], completed);
        var single = result.Settings[1];
        var again = await Harness.RunAsync(Harness.Request(null, iterations: 10) with { Seed = 2 });
        Assert.Equal(again.Summary.BestFitness, single.Runs[1].BestFitness);
        Assert.Equal(10, single.MedianCurve.Count);
        Assert.Equal(Quantiles.Median(single.Runs.Select(x => x.BestFitness)), single.Median);
    }
}

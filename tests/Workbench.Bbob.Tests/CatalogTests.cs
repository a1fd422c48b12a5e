using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Workbench.Plugins;
using Xunit;

namespace Workbench.Bbob.Tests;

/// <summary>The plugin as the host sees it: loaded from its folder by the real catalog and run by the real loop.</summary>
public sealed class CatalogTests
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "testplugins");
        var catalog = new PluginCatalog(new PluginCatalogOptions { Directories = [folder], Watch = false });
        catalog.Load();
        return catalog;
    });

    [Fact]
    public void The_plugin_loads_with_all_24_functions()
    {
        Assert.All(Catalog.Value.Plugins, p => Assert.Equal(PluginStatus.Loaded, p.Status));
        var expected = Enumerable.Range(1, 24).Select(f => $"bbob-f{f:D2}");
        Assert.Equal(expected, Catalog.Value.Problems.Select(p => p.Factory.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("bbob-f01", 2, "1")]
    [InlineData("bbob-f08", 5, "3")]
    [InlineData("bbob-f15", 10, "15")]
    [InlineData("bbob-f21", 3, "2")]
    [InlineData("bbob-f24", 20, "7")]
    public async Task Cma_es_runs_a_few_iterations(string problem, int dimension, string instance)
    {
        var request = new RunRequest
        {
            AlgorithmId = "cmaes",
            ProblemId = problem,
            ProblemOptions = new Dictionary<string, string> { ["instance"] = instance },
            Dimension = dimension,
            Seed = 11,
            Stop = new StopCriteria { MaxIterations = 5 },
            Evaluation = new EvaluationSettings { Workers = 2 },
        };
        using var run = new RunPlanner(Catalog.Value, new CpuEvaluatorProvider()).Prepare(request);
        var summary = await RunLoop.RunAsync(run, [], CancellationToken.None);
        Assert.Equal(RunStatus.Completed, summary.Status);
        Assert.Null(summary.Error);
        Assert.Equal(5, summary.Iterations);
        Assert.Equal(dimension, summary.BestPoint.Length);
        // Minimisation: nothing can be below the instance's optimal value.
        Assert.True(summary.BestFitness >= run.Problem.Optimum!.Value);
    }
}

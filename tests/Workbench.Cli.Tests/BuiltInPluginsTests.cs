using Workbench.Conformance;
using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Mapping;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Workbench.Plugins;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary>The catalogue test: load every built-in plugin from its folder and run a few iterations of every
/// optimiser on every problem, through the real catalog, planner and run loop.</summary>
[Trait("kind", "process")]
public sealed class BuiltInPluginsTests : IDisposable
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() =>
    {
        var catalog = new PluginCatalog(new PluginCatalogOptions { Directories = [WbProcess.BuiltInPlugins], Watch = false });
        catalog.Load();
        return catalog;
    });

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var optimizer in Catalog.Value.Optimizers)
        {
            foreach (var problem in Catalog.Value.Problems)
            {
                data.Add(optimizer.Factory.Id, problem.Factory.Id);
            }
        }

        return data;
    }

    [Fact]
    public void Every_built_in_plugin_loads()
    {
        Assert.All(Catalog.Value.Plugins, p => Assert.Equal(PluginStatus.Loaded, p.Status));
        Assert.Equal(["cmaes", "ga", "pso", "random"], Catalog.Value.Optimizers.Select(o => o.Factory.Id).Order());
        Assert.Equal(7 + 24, Catalog.Value.Problems.Count); // the benchmarks and bbob f1-f24
        Assert.Equal(["heat", "pi"], Catalog.Value.Tasks.Select(t => t.Factory.Id).Order());
        Assert.Equal(["lif", "sleep", "zero"], Catalog.Value.Components<IJobFactory>().Select(j => j.Factory.Id).Order());
    }

    [Theory]
    [InlineData("lif")]
    [InlineData("sleep")]
    [InlineData("zero")]
    public async Task Every_built_in_job_maps_with_its_defaults(string job)
    {
        var mapJob = MapJob.Resolve(JobLookup.Find(Catalog.Value.Components<IJobFactory>(), job), new Dictionary<string, string>());
        var inputs = new[] { TaskValue.FromInteger(0), TaskValue.FromInteger(1) };
        var result = await new MapScheduler().RunAsync(mapJob, inputs, new LocalJobSlots(2));
        Assert.True(result.Succeeded, string.Join("; ", result.Jobs.Select(j => j.Error)));
        Assert.True(mapJob.Spec.IsPortable); // loaded from a plugin folder: a peer can hold the same one
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Every_optimiser_runs_on_every_problem(string algorithm, string problem)
    {
        var request = new RunRequest
        {
            AlgorithmId = algorithm,
            ProblemId = problem,
            Dimension = 4,
            Seed = 7,
            Stop = new StopCriteria { MaxIterations = 5 },
            Evaluation = new EvaluationSettings { Workers = 2 },
        };
        using var run = new RunPlanner(Catalog.Value, new CpuEvaluatorProvider()).Prepare(request);
        var summary = await RunLoop.RunAsync(run, [], CancellationToken.None);
        Assert.Equal(RunStatus.Completed, summary.Status);
        Assert.Null(summary.Error);
        Assert.Equal(5, summary.Iterations);
        Assert.True(double.IsFinite(summary.BestFitness));
        Assert.Equal(4, summary.BestPoint.Length);
        Assert.Equal(run.Problem.Evaluations, summary.Evaluations);
    }

    public void Dispose()
    {
        // The shared catalog lives for the test run; nothing per test.
    }
}

using System.Runtime.Loader;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;

namespace Workbench.Plugins.Tests;

public sealed class IsolationTests
{
    [Fact]
    public void Two_plugins_run_different_versions_of_one_package_in_one_process()
    {
        using var folders = new PluginFolders();
        folders.Add("AlphaPlugin");
        folders.Add("BetaPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        Assert.All(catalog.Plugins, p => Assert.Equal(PluginStatus.Loaded, p.Status));
        var sphere = catalog.Problem("alpha-sphere").Factory;
        var search = catalog.Optimizer("beta-random").Factory;
        Assert.Equal("sphere on Newtonsoft.Json 12.0.0.0", sphere.Description);
        Assert.Equal("random search v1 on Newtonsoft.Json 13.0.0.0", search.Description);

        // And they work together: the optimiser from one plugin drives the problem from the other.
        var problem = sphere.Create(OptionSchema.Empty.Defaults, 3, null);
        var optimizer = search.Create(new ProblemInfo(problem.Id, 3, problem.Bounds), OptionSchema.Empty.Defaults, seed: 7);
        var fitness = new double[1];
        for (var i = 0; i < 20; i++)
        {
            problem.Evaluate(optimizer.Ask().Span, fitness);
            optimizer.Tell(fitness);
        }

        problem.Evaluate(optimizer.BestPoint, fitness);
        Assert.Equal(fitness[0], optimizer.BestFitness);
    }

    [Fact]
    public void Each_plugin_has_its_own_collectible_context_that_shares_only_the_contract()
    {
        using var folders = new PluginFolders();
        folders.Add("AlphaPlugin");
        folders.Add("BetaPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        var alpha = AssemblyLoadContext.GetLoadContext(catalog.Problem("alpha-sphere").Factory.GetType().Assembly)!;
        var beta = AssemblyLoadContext.GetLoadContext(catalog.Optimizer("beta-random").Factory.GetType().Assembly)!;
        Assert.NotSame(alpha, beta);
        Assert.NotSame(AssemblyLoadContext.Default, alpha);
        Assert.True(alpha.IsCollectible);
        Assert.True(beta.IsCollectible);
        Assert.Contains(alpha.Assemblies, a => a.GetName().Name == "Newtonsoft.Json");
        Assert.DoesNotContain(alpha.Assemblies, a => a.GetName().Name == "Workbench.Contracts");
        Assert.DoesNotContain(beta.Assemblies, a => a.GetName().Name == "Workbench.Contracts");
    }

    [Fact]
    public void Plugins_load_from_memory_and_the_catalog_records_where_they_came_from()
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("BetaPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        var factory = catalog.Optimizer("beta-random").Factory;
        // In memory: replacing the files on disk never touches a mapped image.
        Assert.Equal("", factory.GetType().Assembly.Location);
        Assert.Equal(Path.Combine(folder, "BetaPlugin.dll"), Assert.Single(catalog.Plugins).AssemblyPath);
    }
}

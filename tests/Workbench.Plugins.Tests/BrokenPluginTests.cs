using Workbench.Engine.Catalog;

namespace Workbench.Plugins.Tests;

public sealed class BrokenPluginTests
{
    [Theory]
    [InlineData("FuturePlugin", "built against contract 999, host has 3")]
    [InlineData("ThrowingCtorPlugin", "factory ThrowingCtorPlugin.ExplodingFactory constructor threw InvalidOperationException: constructor exploded")]
    [InlineData("ThrowingOptionsPlugin", "factory ThrowingOptionsPlugin.BadOptionsFactory Options getter threw InvalidOperationException: options exploded")]
    [InlineData("NoAttributePlugin", "NoAttributePlugin.dll has no [assembly: WorkbenchPlugin] attribute, so it is not a Workbench plugin")]
    [InlineData("EmptyPlugin", "no public factory implementing IOptimizerFactory or IProblemFactory or IParallelTaskFactory or IJobFactory with a public parameterless constructor")]
    public void A_broken_plugin_is_listed_as_failed_with_its_reason_while_the_good_ones_load(string project, string reason)
    {
        using var folders = new PluginFolders();
        folders.Add("AlphaPlugin");
        folders.Add(project);
        folders.Add("BetaPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        var broken = Assert.Single(catalog.Plugins, p => p.Status == PluginStatus.Failed);
        Assert.Equal(project, broken.Folder);
        Assert.Equal(reason, broken.FailureReason);
        Assert.Equal(["alpha-sphere"], catalog.Problems.Select(r => r.Factory.Id));
        Assert.Equal(["beta-random"], catalog.Optimizers.Select(r => r.Factory.Id));
    }

    [Fact]
    public void A_plugin_for_another_contract_keeps_its_metadata_for_the_listing()
    {
        using var folders = new PluginFolders();
        folders.Add("FuturePlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        var future = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, future.Status);
        Assert.Equal("future", future.Metadata!.Id);
        Assert.Equal(999, future.Metadata.ContractVersion);
        Assert.Equal(64, future.Sha256.Length);
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_assembly_is_refused()
    {
        using var folders = new PluginFolders();
        folders.AddGarbage("Garbage");
        folders.Add("BetaPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        var garbage = Assert.Single(catalog.Plugins, p => p.Status == PluginStatus.Failed);
        Assert.Equal("Garbage", garbage.Folder);
        Assert.StartsWith("Garbage.dll is not a .NET assembly", garbage.FailureReason);
        Assert.DoesNotContain('\n', garbage.FailureReason!);
        Assert.Single(catalog.Optimizers);
    }

    [Fact]
    public void A_folder_without_its_dll_is_refused_and_loose_files_are_ignored()
    {
        using var folders = new PluginFolders();
        var hollow = folders.SubDirectory("Hollow");
        File.WriteAllText(Path.Combine(hollow, "readme.txt"), "no dll here");
        File.WriteAllText(Path.Combine(folders.Root, "README.md"), "plugins go in sub-folders");
        using var catalog = folders.Catalog();
        catalog.Load();

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Equal("folder has no Hollow.dll (and no other dll)", entry.FailureReason);
    }

    [Fact]
    public void A_factory_id_already_taken_refuses_the_later_plugin_naming_the_first_folder()
    {
        using var folders = new PluginFolders();
        var alpha = folders.Add("AlphaPlugin");
        folders.Add("DuplicatePlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        var duplicate = Assert.Single(catalog.Plugins, p => p.Status == PluginStatus.Failed);
        Assert.Equal("DuplicatePlugin", duplicate.Folder);
        Assert.Equal($"folder {duplicate.FolderPath} declares problem id 'alpha-sphere', which folder {alpha} already provides (an id stays with the plugin that has it)", duplicate.FailureReason);
        Assert.Equal(alpha, Assert.Single(catalog.Problems).Origin.Folder);
    }

    [Fact]
    public void A_plugin_id_already_taken_loses_by_directory_priority_and_takes_over_when_the_winner_goes()
    {
        using var folders = new PluginFolders();
        var first = folders.SubDirectory("first");
        var second = folders.SubDirectory("second");
        var winner = folders.Add("AlphaPlugin", root: first);
        var loser = folders.Add("AlphaPlugin", root: second);
        using var catalog = folders.Catalog(false, first, second);
        catalog.Load();

        Assert.Equal([PluginStatus.Loaded, PluginStatus.Failed], catalog.Plugins.Select(p => p.Status));
        Assert.Equal($"folder {loser} declares plugin id 'alpha', which folder {winner} already provides (an id stays with the plugin that has it)", catalog.Plugins[1].FailureReason);
        Assert.Equal(winner, catalog.Problem("alpha-sphere").Origin.Folder);

        Directory.Delete(winner, recursive: true);
        var change = catalog.Rescan();

        Assert.Equal([winner], change.Removed);
        Assert.Equal(loser, catalog.Problem("alpha-sphere").Origin.Folder);
        Assert.Equal(PluginStatus.Loaded, Assert.Single(catalog.Plugins).Status);
    }

    [Fact]
    public void Every_broken_kind_at_once_still_leaves_the_good_plugins_loaded()
    {
        using var folders = new PluginFolders();
        string[] broken = ["FuturePlugin", "ThrowingCtorPlugin", "ThrowingOptionsPlugin", "NoAttributePlugin", "EmptyPlugin", "DuplicatePlugin"];
        foreach (var project in broken.Append("AlphaPlugin").Append("BetaPlugin"))
        {
            folders.Add(project);
        }

        folders.AddGarbage("Garbage");
        using var catalog = folders.Catalog();
        catalog.Load();

        Assert.Equal(broken.Append("Garbage").Order(), catalog.Plugins.Where(p => p.Status == PluginStatus.Failed).Select(p => p.Folder).Order());
        Assert.All(catalog.Plugins.Where(p => p.Status == PluginStatus.Failed), p => Assert.False(string.IsNullOrWhiteSpace(p.FailureReason)));
        Assert.Equal(["alpha", "beta"], catalog.Plugins.Where(p => p.Status == PluginStatus.Loaded).Select(p => p.Metadata!.Id));
    }
}

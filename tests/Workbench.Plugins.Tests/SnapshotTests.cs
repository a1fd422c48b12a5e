using System.Security.Cryptography;
using Workbench.Contracts.Optimizers;
using Workbench.Engine;
using Workbench.Engine.Catalog;

namespace Workbench.Plugins.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public void A_list_already_taken_does_not_change_when_the_catalog_does()
    {
        using var folders = new PluginFolders();
        folders.Add("BetaPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();
        var optimizers = catalog.Optimizers;
        var problems = catalog.Problems;
        var plugins = catalog.Plugins;

        folders.Add("AlphaPlugin");
        catalog.Rescan();

        Assert.Single(plugins);
        Assert.Empty(problems);
        Assert.Single(optimizers);
        Assert.Equal(2, catalog.Plugins.Count);
        Assert.Single(catalog.Problems);
    }

    [Fact]
    public void Entries_and_origins_identify_the_exact_plugin_build()
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("AlphaPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "AlphaPlugin.dll"))));
        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(new ComponentOrigin("alpha", "1.0.0", sha, folder) { FolderSha256 = Engine.Specs.PluginFolderHash.Of(folder) }, catalog.Problem("alpha-sphere").Origin);
        Assert.Equal(64, entry.FolderSha256.Length);
        Assert.Equal("AlphaPlugin", entry.Folder);
        Assert.Equal(folders.Root, entry.Directory);
        Assert.Equal(sha, entry.Sha256);
        Assert.Equal("problem", entry.Kinds);
        Assert.Equal(["alpha-sphere"], entry.ProblemIds);
        Assert.Empty(entry.OptimizerIds);
        Assert.Null(entry.FailureReason);
        Assert.Equal(new Contracts.PluginMetadata("alpha", "1.0.0", "Test plugin on Newtonsoft.Json 12", "tests", Contracts.WorkbenchContract.Version), entry.Metadata);
    }

    [Fact]
    public void The_catalog_answers_the_engine_lookups()
    {
        using var folders = new PluginFolders();
        folders.Add("AlphaPlugin");
        folders.Add("BetaPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();
        IComponentCatalog port = catalog;

        Assert.Equal("beta-random", port.Optimizer("BETA-random").Factory.Id);
        Assert.Equal("alpha-sphere", port.Problem("alpha-sphere").Factory.Id);
        var error = Assert.Throws<RunSetupException>(() => port.Problem("nope"));
        Assert.Contains("unknown problem 'nope'; valid: alpha-sphere", error.Message);
        Assert.Same(catalog.Optimizers[0], catalog.Components<IOptimizerFactory>()[0]);
        Assert.Throws<ArgumentException>(() => catalog.Components<IDisposable>());
    }

    [Fact]
    public void Missing_directories_are_skipped_and_duplicates_in_the_search_path_collapse()
    {
        using var folders = new PluginFolders();
        folders.Add("BetaPlugin");
        var missing = Path.Combine(folders.Root, "does-not-exist");
        using var catalog = folders.Catalog(true, missing, folders.Root, folders.Root + Path.DirectorySeparatorChar);
        catalog.Load();

        Assert.Equal([missing, folders.Root], catalog.Directories);
        Assert.Single(catalog.Plugins);
    }

    [Fact]
    public void The_standard_search_path_is_builtin_then_working_directory_then_user_folder_then_extras()
    {
        var options = PluginCatalogOptions.Standard(["/opt/wb/more"]);

        Assert.Equal(
            [Path.Combine(AppContext.BaseDirectory, "plugins"), Path.Combine(Environment.CurrentDirectory, "plugins"), Path.Combine(Engine.DataHome.Directory, "plugins"), "/opt/wb/more"],
            options.Directories);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins"), options.BuiltInDirectory);
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.Debounce);
    }

    [Fact]
    public void Disposing_empties_the_catalog()
    {
        using var folders = new PluginFolders();
        folders.Add("BetaPlugin");
        var catalog = folders.Catalog(watch: true);
        catalog.Load();
        catalog.Dispose();

        Assert.Empty(catalog.Plugins);
        Assert.Throws<ObjectDisposedException>(() => catalog.Rescan());
    }
}

using Workbench.Engine;
using Workbench.Engine.Catalog;

namespace Workbench.Plugins.Tests;

/// <summary>Who owns an id: the plugin that already has it, and built-ins always.</summary>
public sealed class IdentityTests
{
    /// <summary>Both orders: the newcomer's folder sorts before the owner's, and after it. Folder names must
    /// never decide a takeover of an id that is already loaded.</summary>
    [Theory]
    [InlineData("Owner", "ADup")]
    [InlineData("Owner", "ZDup")]
    public void A_folder_added_later_cannot_take_over_a_loaded_id_and_recovers_when_the_owner_goes(string ownerFolder, string newcomerFolder)
    {
        using var folders = new PluginFolders();
        var owner = folders.Add("AlphaPlugin", ownerFolder);
        using var catalog = folders.Catalog();
        catalog.Load();

        var newcomer = folders.Add("AlphaPlugin", newcomerFolder);
        var arrival = catalog.Rescan();

        Assert.Equal([newcomer], arrival.Added);
        Assert.StartsWith($"added alpha failed: folder {newcomer} declares plugin id 'alpha'", arrival.Summary(catalog.Plugins));
        Assert.Empty(arrival.StatusChanged);
        Assert.Equal(owner, catalog.Problem("alpha-sphere").Origin.Folder);
        var refused = Assert.Single(catalog.Plugins, p => p.Status == PluginStatus.Failed);
        Assert.Equal(
            $"folder {newcomer} declares plugin id 'alpha', which folder {owner} already provides (an id stays with the plugin that has it)",
            refused.FailureReason);

        Directory.Delete(owner, recursive: true);
        var departure = catalog.Rescan();

        Assert.Equal([owner], departure.Removed);
        Assert.Equal([newcomer], departure.StatusChanged);
        Assert.Equal($"removed {ownerFolder}; recovered alpha loaded", departure.Summary(catalog.Plugins));
        Assert.Equal(newcomer, catalog.Problem("alpha-sphere").Origin.Folder);
        Assert.Equal(PluginStatus.Loaded, Assert.Single(catalog.Plugins).Status);
    }

    [Fact]
    public void A_built_in_plugin_keeps_its_id_even_against_a_directory_searched_first()
    {
        using var folders = new PluginFolders();
        var user = folders.SubDirectory("user");
        var builtIn = folders.SubDirectory("builtin");
        var impostor = folders.Add("AlphaPlugin", "ADup", root: user);
        var real = folders.Add("AlphaPlugin", root: builtIn);
        using var catalog = new PluginCatalog(new PluginCatalogOptions { Directories = [user, builtIn], BuiltInDirectory = builtIn, Watch = false });
        catalog.Load();

        Assert.Equal(real, catalog.Problem("alpha-sphere").Origin.Folder);
        var refused = Assert.Single(catalog.Plugins, p => p.Status == PluginStatus.Failed);
        Assert.Equal(impostor, refused.FolderPath);
        Assert.Equal(
            $"folder {impostor} declares plugin id 'alpha', which belongs to the built-in plugin in folder {real}; built-ins cannot be shadowed",
            refused.FailureReason);
    }

    [Fact]
    public async Task Watch_reports_the_refused_newcomer_and_its_recovery_when_the_owner_is_removed()
    {
        using var folders = new PluginFolders();
        var owner = folders.Add("AlphaPlugin", "Owner");
        using var catalog = folders.Catalog(watch: true);
        catalog.Load();

        var newcomer = folders.Add("AlphaPlugin", "ADup");
        await Eventually.Holds(catalog, () => catalog.Plugins.Count == 2);
        Assert.Equal(owner, catalog.Problem("alpha-sphere").Origin.Folder);

        Directory.Delete(owner, recursive: true);
        var changes = await Eventually.Holds(catalog, () => catalog.Plugins.Count == 1 && catalog.Plugins[0].Status == PluginStatus.Loaded);

        Assert.Contains(changes, c => c.StatusChanged.Contains(newcomer));
        Assert.Equal(newcomer, catalog.Problem("alpha-sphere").Origin.Folder);
    }

    [Fact]
    public async Task Watch_picks_up_a_plugin_directory_created_after_it_started()
    {
        using var folders = new PluginFolders();
        var later = Path.Combine(folders.Root, "later");
        using var catalog = folders.Catalog(true, later);
        catalog.Load();
        Assert.Null(catalog.WatchError);
        Assert.Empty(catalog.Plugins);

        folders.Add("AlphaPlugin", root: later);
        await Eventually.Holds(catalog, () => catalog.Problems.Count == 1);

        // Watched from now on, not just found once: a second plugin arrives through the folder's own watcher.
        folders.Add("BetaPlugin", root: later);
        await Eventually.Holds(catalog, () => catalog.Optimizers.Count == 1);
    }

    [Fact]
    public void A_missing_dependency_fails_the_plugin_at_load_naming_the_assembly_and_version()
    {
        using var folders = new PluginFolders();
        var needy = folders.Add("NeedyPlugin");
        File.Delete(Path.Combine(needy, "NeedyLibrary.dll"));
        using var catalog = folders.Catalog();
        catalog.Load();

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Equal("missing dependency NeedyLibrary 3.1.0.0: it is neither in the plugin's folder nor shared by the host", entry.FailureReason);
        Assert.Equal("Test plugin with a dependency of its own", entry.Metadata!.Description);
    }

    [Fact]
    public void A_plugin_with_its_dependency_present_loads()
    {
        using var folders = new PluginFolders();
        folders.Add("NeedyPlugin");
        using var catalog = folders.Catalog();
        catalog.Load();

        Assert.Equal("needs from NeedyLibrary", catalog.Optimizer("needy").Factory.Description);
    }

    [Fact]
    public void Asking_for_the_id_of_a_failed_plugin_says_it_failed_and_why()
    {
        using var folders = new PluginFolders();
        var needy = folders.Add("NeedyPlugin");
        File.Delete(Path.Combine(needy, "NeedyLibrary.dll"));
        using var catalog = folders.Catalog();
        catalog.Load();

        var e = Assert.Throws<RunSetupException>(() => catalog.Optimizer("needy"));
        Assert.Equal(
            $"algorithm 'needy' is not available: plugin needy in {needy} failed to load: missing dependency NeedyLibrary 3.1.0.0: it is neither in the plugin's folder nor shared by the host",
            e.Message);
        Assert.StartsWith("unknown algorithm 'nothing-like-it'; none are loaded", Assert.Throws<RunSetupException>(() => catalog.Optimizer("nothing-like-it")).Message);
    }

    [Fact]
    public void A_folder_named_differently_from_its_only_plugin_dll_loads_that_dll()
    {
        using var folders = new PluginFolders();
        var renamed = folders.Add("AlphaPlugin", "alpha-v2");
        using var catalog = folders.Catalog();
        catalog.Load();

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Loaded, entry.Status);
        Assert.Equal(Path.Combine(renamed, "AlphaPlugin.dll"), entry.AssemblyPath);
    }

    [Fact]
    public void A_folder_without_its_dll_and_without_a_plugin_dll_names_the_dlls_it_found()
    {
        using var folders = new PluginFolders();
        folders.Add("NoAttributePlugin", "Other");
        using var catalog = folders.Catalog();
        catalog.Load();

        Assert.Equal(
            "folder has no Other.dll, and none of its dlls (NoAttributePlugin.dll) has the [assembly: WorkbenchPlugin] attribute",
            Assert.Single(catalog.Plugins).FailureReason);
    }

    [Fact]
    public void A_loaded_plugin_can_find_its_folder_although_it_loads_from_memory()
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("NeedyPlugin", "NeedyRenamed");
        using var catalog = folders.Catalog();
        catalog.Load();

        Assert.Equal(folder, AppContext.GetData("Workbench.PluginFolder.NeedyPlugin"));
    }
}

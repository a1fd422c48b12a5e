using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Engine.Catalog;

namespace Workbench.Plugins.Tests;

/// <summary>Folders changed on disk while the catalog watches. Waits are bounded awaits on catalog changes, never sleeps.</summary>
public sealed class HotReloadTests
{
    [Fact]
    public async Task A_plugin_folder_dropped_in_is_loaded_without_a_restart()
    {
        using var folders = new PluginFolders();
        using var catalog = folders.Catalog(watch: true);
        catalog.Load();
        Assert.Null(catalog.WatchError);
        Assert.Empty(catalog.Plugins);
        var raised = new List<CatalogChangedEventArgs>();
        catalog.Changed += (_, e) =>
        {
            lock (raised)
            {
                raised.Add(e);
            }
        };

        var folder = folders.Add("BetaPlugin");
        var changes = await Eventually.Holds(catalog, () => catalog.Optimizers.Count == 1);

        Assert.Contains(changes, c => c.Added.Contains(folder));
        Assert.Equal("beta-random", catalog.Optimizers[0].Factory.Id);
        lock (raised)
        {
            // The event saw every change the waiter saw, in order; a later rescan (a file of the copy landing
            // after the first scan) may already have raised one more.
            Assert.True(raised.Count >= changes.Count, $"{raised.Count} raised, {changes.Count} awaited");
            Assert.Equal(changes, raised.Take(changes.Count));
        }
    }

    [Fact]
    public async Task A_plugin_replaced_by_a_new_version_is_reloaded_and_old_factories_keep_working()
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("BetaPlugin");
        using var catalog = folders.Catalog(watch: true);
        catalog.Load();
        var old = catalog.Optimizer("beta-random");
        Assert.Equal("1.0.0", old.Origin.PluginVersion);

        folders.Add("BetaPluginV2", "BetaPlugin");
        var changes = await Eventually.Holds(catalog, () => catalog.Plugins.Single().Metadata?.Version == "2.0.0" && catalog.Plugins.Single().Status == PluginStatus.Loaded);

        Assert.Contains(changes, c => c.Updated.Contains(folder));
        var entry = catalog.Plugins.Single();
        Assert.Equal("optimizer+problem", entry.Kinds);
        Assert.Equal(["beta-flat"], entry.ProblemIds);
        Assert.NotEqual(old.Origin.AssemblySha256, entry.Sha256);
        var fresh = catalog.Optimizer("beta-random");
        Assert.Equal("random search v2 on Newtonsoft.Json 13.0.0.0", fresh.Factory.Description);
        Assert.Equal("2.0.0", fresh.Origin.PluginVersion);

        // Unloading is cooperative: a run holding the old factory still creates and drives optimisers.
        Assert.Equal("random search v1 on Newtonsoft.Json 13.0.0.0", old.Factory.Description);
        var optimizer = old.Factory.Create(new ProblemInfo("p", 2, Bounds.Uniform(2, -1, 1)), OptionSchema.Empty.Defaults, 1);
        Assert.Equal(2, optimizer.Ask().Length);
        optimizer.Tell([1.0]);
        Assert.Equal(1.0, optimizer.BestFitness);
    }

    [Fact]
    public async Task A_plugin_folder_removed_is_dropped_from_the_catalog()
    {
        using var folders = new PluginFolders();
        var alpha = folders.Add("AlphaPlugin");
        folders.Add("BetaPlugin");
        using var catalog = folders.Catalog(watch: true);
        catalog.Load();
        Assert.Single(catalog.Problems);

        Directory.Delete(alpha, recursive: true);
        var changes = await Eventually.Holds(catalog, () => catalog.Problems.Count == 0);

        Assert.Equal([alpha], changes.SelectMany(c => c.Removed));
        Assert.Equal(["BetaPlugin"], catalog.Plugins.Select(p => p.Folder));
        Assert.Single(catalog.Optimizers);
    }

    [Fact]
    public void Rescan_picks_up_changes_without_a_watcher_and_reloads_only_what_changed()
    {
        using var folders = new PluginFolders();
        using var catalog = folders.Catalog(watch: false);
        Assert.True(catalog.Load().IsEmpty);

        var beta = folders.Add("BetaPlugin");
        var alpha = folders.Add("AlphaPlugin");
        var added = catalog.Rescan();
        Assert.Equal([alpha, beta], added.Added);

        Assert.True(catalog.Rescan().IsEmpty);

        folders.Add("BetaPluginV2", "BetaPlugin");
        var updated = catalog.Rescan();
        Assert.Equal([beta], updated.Updated);
        Assert.Empty(updated.Added);
        Assert.Equal("2.0.0", catalog.Optimizer("beta-random").Origin.PluginVersion);
    }

    [Fact]
    public async Task WaitForChangeAsync_completes_with_the_change_a_rescan_made()
    {
        using var folders = new PluginFolders();
        using var catalog = folders.Catalog();
        catalog.Load();
        var next = catalog.WaitForChangeAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);

        folders.Add("AlphaPlugin");
        var made = catalog.Rescan();

        Assert.Same(made, await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}

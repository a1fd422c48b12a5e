using System.Runtime.Loader;
using System.Security.Cryptography;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;

namespace Workbench.Plugins.Tests;

/// <summary>A catalog that never unloads (a one-shot command) loads each plugin from a copy named by its hash, in a
/// context that cannot be unloaded: the only way the runtime uses a plugin's precompiled code. The folder itself must
/// stay free to be replaced or overwritten, and a cache that cannot be used must cost nothing but speed.</summary>
public sealed class PrecompiledLoadTests
{
    [Fact]
    public void A_catalog_that_never_unloads_loads_each_plugin_from_a_copy_named_by_its_hash()
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("BetaPlugin");
        var cache = Path.Combine(folders.Root, ".cache");
        using var catalog = OneShot(folders, cache);
        catalog.Load();

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Loaded, entry.Status);
        var assembly = catalog.Optimizer("beta-random").Factory.GetType().Assembly;
        Assert.False(AssemblyLoadContext.GetLoadContext(assembly)!.IsCollectible);
        var original = File.ReadAllBytes(Path.Combine(folder, "BetaPlugin.dll"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), entry.Sha256);
        Assert.Equal(Path.Combine(cache, entry.Sha256, "BetaPlugin.dll"), assembly.Location);
        Assert.Equal(original, File.ReadAllBytes(assembly.Location));
        Assert.True(File.Exists(Path.Combine(cache, entry.Sha256, "BetaPlugin.pdb")), "the symbols travel with the copy");
        // The catalog still names the folder the plugin came from.
        Assert.Equal(Path.Combine(folder, "BetaPlugin.dll"), entry.AssemblyPath);
    }

    [Fact]
    public void Overwriting_the_plugin_folder_in_place_leaves_the_loaded_plugin_working()
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("BetaPlugin");
        using var catalog = OneShot(folders, Path.Combine(folders.Root, ".cache"));
        catalog.Load();
        var factory = catalog.Optimizer("beta-random").Factory;
        var loaded = File.ReadAllBytes(factory.GetType().Assembly.Location);

        // A user copying a new build over the old files, byte by byte into the same inode.
        using (var file = new FileStream(Path.Combine(folder, "BetaPlugin.dll"), FileMode.Open, FileAccess.Write))
        {
            file.Write(new byte[file.Length]);
        }

        Assert.Equal(loaded, File.ReadAllBytes(factory.GetType().Assembly.Location));
        Assert.Equal(0.25, Drive(factory));
    }

    [Fact]
    public void A_damaged_copy_in_the_cache_is_replaced_by_the_bytes_read()
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("BetaPlugin");
        var cache = Path.Combine(folders.Root, ".cache");
        var original = File.ReadAllBytes(Path.Combine(folder, "BetaPlugin.dll"));
        var copy = Path.Combine(cache, Convert.ToHexStringLower(SHA256.HashData(original)), "BetaPlugin.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        var damaged = original.ToArray();
        damaged[damaged.Length / 2] ^= 0xFF;
        File.WriteAllBytes(copy, damaged);

        using var catalog = OneShot(folders, cache);
        catalog.Load();

        Assert.Equal(PluginStatus.Loaded, Assert.Single(catalog.Plugins).Status);
        Assert.Equal(copy, catalog.Optimizer("beta-random").Factory.GetType().Assembly.Location);
        Assert.Equal(original, File.ReadAllBytes(copy));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_falls_back_to_loading_from_memory()
    {
        using var folders = new PluginFolders();
        folders.Add("BetaPlugin");
        // A file where the cache's folder would be: creating it fails, whoever runs the test (root included).
        var blocker = Path.Combine(folders.Root, ".blocker");
        File.WriteAllText(blocker, "not a folder");
        using var catalog = OneShot(folders, Path.Combine(blocker, "cache"));
        catalog.Load();

        Assert.Equal(PluginStatus.Loaded, Assert.Single(catalog.Plugins).Status);
        var factory = catalog.Optimizer("beta-random").Factory;
        Assert.Equal("", factory.GetType().Assembly.Location);
        Assert.Equal(0.25, Drive(factory));
    }

    [Fact]
    public void Copies_of_earlier_builds_are_pruned_to_the_newest_few_per_assembly()
    {
        using var folders = new PluginFolders();
        folders.Add("BetaPlugin");
        var cache = Path.Combine(folders.Root, ".cache");
        for (var i = 0; i < 6; i++)
        {
            var old = Directory.CreateDirectory(Path.Combine(cache, $"old{i}"));
            File.WriteAllText(Path.Combine(old.FullName, "BetaPlugin.dll"), "an earlier build");
            old.LastWriteTimeUtc = DateTime.UtcNow.AddDays(-10 + i);
        }

        var other = Directory.CreateDirectory(Path.Combine(cache, "other"));
        File.WriteAllText(Path.Combine(other.FullName, "AlphaPlugin.dll"), "another plugin");
        other.LastWriteTimeUtc = DateTime.UtcNow.AddDays(-30);

        using var catalog = OneShot(folders, cache);
        catalog.Load();

        var current = Assert.Single(catalog.Plugins).Sha256;
        var kept = Directory.EnumerateDirectories(cache).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { current, "old3", "old4", "old5", "other" }.Order(StringComparer.Ordinal), kept);
    }

    [Fact]
    public void A_rescan_replaces_a_plugin_even_though_the_old_context_cannot_unload()
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("BetaPlugin");
        using var catalog = OneShot(folders, Path.Combine(folders.Root, ".cache"));
        catalog.Load();
        var before = catalog.Optimizer("beta-random").Factory;

        Directory.Delete(folder, recursive: true);
        folders.Add("BetaPluginV2", "BetaPlugin");
        var change = catalog.Rescan();

        Assert.Equal([folder], change.Updated);
        var after = catalog.Optimizer("beta-random").Factory;
        Assert.NotSame(before.GetType().Assembly, after.GetType().Assembly);
        Assert.Equal("random search v2 on Newtonsoft.Json 13.0.0.0", after.Description);
        // The replaced plugin's factory keeps working: nothing was unloaded under it.
        Assert.Equal(0.25, Drive(before));
    }

    private static PluginCatalog OneShot(PluginFolders folders, string cache) => new(new PluginCatalogOptions
    {
        Directories = [folders.Root],
        Watch = false,
        Unloadable = false,
        AssemblyCache = cache,
    });

    /// <summary>Creates an optimiser and tells it one fitness: its code runs, and it reports that fitness as its best.</summary>
    private static double Drive(IOptimizerFactory factory)
    {
        var optimizer = factory.Create(new ProblemInfo("p", 2, Bounds.Uniform(2, -1, 1)), OptionSchema.Empty.Defaults, 1);
        Assert.Equal(2, optimizer.Ask().Length);
        optimizer.Tell([0.25]);
        return optimizer.BestFitness;
    }
}

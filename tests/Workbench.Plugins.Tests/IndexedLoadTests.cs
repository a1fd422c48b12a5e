using Workbench.Engine.Catalog;

namespace Workbench.Plugins.Tests;

/// <summary>A one-shot catalog that needs some ids loads only the folders declaring them, listing the others from
/// its index, with the same entries, statuses and duplicate-id refusals as a full load.</summary>
public sealed class IndexedLoadTests
{
    private static PluginCatalog Catalog(PluginFolders folders, params string[] wanted) => new(new PluginCatalogOptions
    {
        Directories = [folders.Root],
        Watch = false,
        Wanted = wanted,
        IndexFile = Path.Combine(folders.Root, ".index", "plugin-index.txt"),
    });

    private static string[] Listing(PluginCatalog catalog) =>
        catalog.Plugins.Select(p => $"{p.FolderPath} {p.Status} {p.FailureReason} {p.Sha256} {p.FolderSha256} {string.Join(",", p.Provides)} {p.Metadata}").ToArray();

    [Fact]
    public void The_second_command_loads_only_the_folders_of_its_ids_and_lists_the_rest_as_a_full_load_does()
    {
        using var folders = new PluginFolders();
        folders.Add("AlphaPlugin");
        folders.Add("BetaPlugin");
        folders.Add("DuplicatePlugin", "ZDuplicate");
        folders.AddGarbage("Broken"); // listed from the index too: a failure reason, no metadata
        using var full = Catalog(folders, "beta-random");
        full.Load();
        Assert.Contains(full.Problems, r => r.Factory.Id == "alpha-sphere");

        using var indexed = Catalog(folders, "beta-random");
        indexed.Load();

        Assert.Equal("beta-random", indexed.Optimizer("beta-random").Factory.Id);
        Assert.DoesNotContain(indexed.Problems, r => r.Factory.Id == "alpha-sphere");
        Assert.Equal(string.Join("\n", Listing(full)), string.Join("\n", Listing(indexed)));
        Assert.Contains("declares problem id 'alpha-sphere'", indexed.Plugins.Single(p => p.Folder == "ZDuplicate").FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wanted_id_loads_every_folder_declaring_it_so_a_duplicate_is_refused_as_before()
    {
        using var folders = new PluginFolders();
        var owner = folders.Add("AlphaPlugin");
        folders.Add("BetaPlugin");
        folders.Add("DuplicatePlugin", "ZDuplicate");
        using (var first = Catalog(folders, "alpha-sphere"))
        {
            first.Load();
        }

        using var indexed = Catalog(folders, "alpha-sphere");
        indexed.Load();

        Assert.Equal(owner, indexed.Problem("alpha-sphere").Origin.Folder);
        Assert.Equal(PluginStatus.Failed, indexed.Plugins.Single(p => p.Folder == "ZDuplicate").Status);
        Assert.DoesNotContain(indexed.Optimizers, r => r.Factory.Id == "beta-random");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_loaded_folder_takes_its_manifest_from_the_index_only_for_the_very_bytes_it_remembers(bool sameBytes)
    {
        using var folders = new PluginFolders();
        var folder = folders.Add("BetaPlugin");
        var indexFile = Path.Combine(folders.Root, ".index", "plugin-index.txt");
        using (var first = Catalog(folders, "beta-random"))
        {
            first.Load();
        }

        // Mark the remembered description, so the test can tell where the loaded entry's manifest came from; with
        // another hash remembered, the dll's own metadata must be read.
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "BetaPlugin.dll"))));
        var json = File.ReadAllText(indexFile).Replace("Test plugin on Newtonsoft.Json 13", "remembered", StringComparison.Ordinal);
        File.WriteAllText(indexFile, sameBytes ? json : json.Replace(sha, new string('0', sha.Length), StringComparison.Ordinal));

        using var indexed = Catalog(folders, "beta-random");
        indexed.Load();

        var entry = Assert.Single(indexed.Plugins);
        Assert.Equal(PluginStatus.Loaded, entry.Status);
        Assert.Equal(sha, entry.Sha256);
        Assert.Equal(sameBytes ? "remembered" : "Test plugin on Newtonsoft.Json 13", entry.Metadata!.Description);
        Assert.Equal("beta", entry.Metadata.Id);
    }

    [Fact]
    public void A_folder_that_changed_since_the_index_and_an_unknown_id_are_loaded_in_full()
    {
        using var folders = new PluginFolders();
        var alpha = folders.Add("AlphaPlugin");
        folders.Add("BetaPlugin");
        using (var first = Catalog(folders, "beta-random"))
        {
            first.Load();
        }

        File.WriteAllText(Path.Combine(alpha, "notes.txt"), "a file added since the index was written");
        using (var changed = Catalog(folders, "beta-random"))
        {
            changed.Load();
            Assert.Contains(changed.Problems, r => r.Factory.Id == "alpha-sphere");
        }

        using var unknown = Catalog(folders, "no-such-id");
        unknown.Load();
        Assert.Contains(unknown.Problems, r => r.Factory.Id == "alpha-sphere");
        Assert.Contains(unknown.Optimizers, r => r.Factory.Id == "beta-random");
    }

    [Theory]
    [InlineData("{ \"an index\": \"from an earlier build, in JSON\" }")]
    [InlineData("")]
    [InlineData("wb-plugin-index 1")]
    [InlineData("wb-plugin-index 1\nhost")]
    [InlineData("wb-plugin-index 1\nplugin\tx")]
    [InlineData("wb-plugin-index 1\nhost\tHOST\nplugin\tx")]
    [InlineData("wb-plugin-index 1\nhost\tHOST\nsomething else")]
    [InlineData("TRUNCATED")]
    [InlineData("BAD-STATUS")]
    [InlineData("BAD-CONTRACT")]
    [InlineData("BAD-ESCAPE")]
    public void A_damaged_index_is_ignored_and_rewritten(string damaged)
    {
        using var folders = new PluginFolders();
        folders.Add("AlphaPlugin");
        folders.Add("BetaPlugin");
        var index = Path.Combine(folders.Root, ".index", "plugin-index.txt");
        using (var full = Catalog(folders, "beta-random"))
        {
            full.Load(); // writes a good index, whose host key and shape the damaged forms start from
        }

        var good = File.ReadAllText(index);
        var host = good.Split('\n')[1].Split('\t')[1];
        File.WriteAllText(index, damaged switch
        {
            "TRUNCATED" => good[..(good.Length / 2)],
            "BAD-STATUS" => good.Replace("\tLoaded\t", "\tMaybe\t", StringComparison.Ordinal),
            "BAD-CONTRACT" => good.Replace($"\t{Workbench.Contracts.WorkbenchContract.Version}\t", "\tthree\t", StringComparison.Ordinal),
            "BAD-ESCAPE" => good.Replace("\tbeta\t", "\tbe\\qta\t", StringComparison.Ordinal),
            _ => damaged.Replace("HOST", host, StringComparison.Ordinal),
        });

        using (var first = Catalog(folders, "beta-random"))
        {
            first.Load();
            Assert.Contains(first.Problems, r => r.Factory.Id == "alpha-sphere");
        }

        using var second = Catalog(folders, "beta-random");
        second.Load();
        Assert.DoesNotContain(second.Problems, r => r.Factory.Id == "alpha-sphere");
    }
}

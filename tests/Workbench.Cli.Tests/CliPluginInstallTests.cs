using System.IO.Compression;
using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary><c>wb plugins install</c>, <c>remove</c>, <c>list --strict</c> and the catalog's identity messages, on
/// the real wb with a private user folder (XDG_DATA_HOME) per test.</summary>
[Trait("kind", "process")]
public sealed class CliPluginInstallTests
{
    private static readonly string NeedyProject = Path.Combine(WbProcess.RepoRoot, "tests", "TestPlugins", "NeedyPlugin");
    private static readonly string NeedyBuilt = Path.Combine(NeedyProject, "bin", WbProcess.Configuration, "net10.0");

    private readonly string _dataHome = Directory.CreateTempSubdirectory("wb-home-").FullName;

    private string UserPlugins => Path.Combine(_dataHome, "workbench", "plugins");

    [Fact]
    public async Task Install_from_a_built_project_folder_lists_the_plugin_and_remove_deletes_it()
    {
        var install = await Wb("plugins", "install", NeedyProject);
        Assert.Equal(0, install.ExitCode);
        var target = Path.Combine(UserPlugins, "NeedyPlugin");
        Assert.Equal(
            [
                $"checked NeedyPlugin.dll from {NeedyBuilt}: plugin needy 0.1.0, contract {Workbench.Contracts.WorkbenchContract.Version}, provides optimizer needy; it loads, its dependencies resolve, its ids are free",
                $"installed into {target} (6 files)",
            ],
            Lines(install.StdOut));
        Assert.True(File.Exists(Path.Combine(target, "NeedyLibrary.dll")));

        var list = await Wb("plugins", "list", "--json");
        using var doc = JsonDocument.Parse(list.StdOut);
        var needy = Assert.Single(doc.RootElement.EnumerateArray(), p => p.GetProperty("id").GetString() == "needy");
        Assert.Equal("loaded", needy.GetProperty("status").GetString());
        Assert.Equal(target, needy.GetProperty("folder").GetString());
        Assert.Equal("Test plugin with a dependency of its own", needy.GetProperty("description").GetString());
        Assert.Equal("tests", needy.GetProperty("authors").GetString());

        var again = await Wb("plugins", "install", NeedyBuilt);
        Assert.Equal($"replaced version 0.1.0 in {target} (6 files)", Lines(again.StdOut)[1]);

        var remove = await Wb("plugins", "remove", "needy");
        Assert.Equal(0, remove.ExitCode);
        Assert.Equal($"removed plugin needy 0.1.0 (optimizer needy): deleted {target}", remove.StdOut.Trim());
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Install_from_a_nupkg_takes_the_plugin_from_the_package()
    {
        var package = Path.Combine(Directory.CreateTempSubdirectory("wb-nupkg-").FullName, "Needy.1.0.0.nupkg");
        using (var zip = ZipFile.Open(package, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(NeedyBuilt))
            {
                zip.CreateEntryFromFile(file, "lib/net10.0/" + Path.GetFileName(file));
            }
        }

        var install = await Wb("plugins", "install", package);

        Assert.Equal(0, install.ExitCode);
        Assert.EndsWith($"installed into {Path.Combine(UserPlugins, "NeedyPlugin")} (6 files)", install.StdOut.Trim());
    }

    [Fact]
    public async Task Install_refuses_a_plugin_whose_id_is_taken_or_whose_dependency_is_missing_and_writes_nothing()
    {
        var taken = await Wb("plugins", "install", Path.Combine(WbProcess.BuiltInPlugins, "RandomSearch"));
        Assert.Equal(2, taken.ExitCode);
        Assert.Equal($"wb: plugin id 'random' is already taken by the plugin in {Path.Combine(WbProcess.BuiltInPlugins, "RandomSearch")}", taken.StdErr.Trim());

        var broken = CopyOfNeedy(withoutLibrary: true);
        var missing = await Wb("plugins", "install", broken);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal(
            "wb: NeedyPlugin would not load, so it was not installed: missing dependency NeedyLibrary 3.1.0.0: it is neither in the plugin's folder nor shared by the host",
            missing.StdErr.Trim());
        Assert.False(Directory.Exists(UserPlugins));

        var nothing = await Wb("plugins", "remove", "needy");
        Assert.Equal(2, nothing.ExitCode);
        Assert.Equal($"wb: no installed plugin has id 'needy' in {UserPlugins}; none are installed", nothing.StdErr.Trim());
        var builtIn = await Wb("plugins", "remove", "random");
        Assert.StartsWith("wb: plugin 'random' is in ", builtIn.StdErr);
    }

    [Fact]
    public async Task Strict_listing_fails_on_a_failed_plugin_and_a_failed_id_is_explained_in_one_line()
    {
        var dir = Path.GetDirectoryName(CopyOfNeedy(withoutLibrary: true))!;

        var strict = await Wb("plugins", "list", "--strict", "--plugins", dir);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal("wb: 1 plugin failed to load (--strict)", strict.StdErr.Trim());
        Assert.Equal(0, (await Wb("plugins", "list", "--plugins", dir)).ExitCode);

        var describe = await Wb("describe", "needy", "--plugins", dir);
        Assert.Equal(2, describe.ExitCode);
        Assert.Equal(
            $"wb: id 'needy' is not available: plugin needy in {Path.Combine(dir, "NeedyPlugin")} failed to load: missing dependency NeedyLibrary 3.1.0.0: it is neither in the plugin's folder nor shared by the host",
            describe.StdErr.Trim());
    }

    [Fact]
    public async Task A_folder_claiming_a_built_in_id_is_refused_and_the_built_in_runs()
    {
        var dir = Directory.CreateTempSubdirectory("wb-shadow-").FullName;
        CopyDirectory(Path.Combine(WbProcess.BuiltInPlugins, "RandomSearch"), Path.Combine(dir, "ADup"));

        var list = await Wb("plugins", "list", "--json", "--plugins", dir);
        using var doc = JsonDocument.Parse(list.StdOut);
        var impostor = Assert.Single(doc.RootElement.EnumerateArray(), p => p.GetProperty("name").GetString() == "ADup");
        Assert.Equal("failed", impostor.GetProperty("status").GetString());
        Assert.EndsWith("built-ins cannot be shadowed", impostor.GetProperty("error").GetString());
        var run = await Wb("run", "-a", "random", "-p", "sphere", "-d", "2", "--max-evals", "10", "--json", "--no-record", "--plugins", dir);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Path.Combine(WbProcess.BuiltInPlugins, "RandomSearch"), run.StdOut + list.StdOut);
    }

    [Fact]
    public async Task Watch_notices_a_plugins_folder_created_in_the_working_directory_after_it_started()
    {
        var cwd = Directory.CreateTempSubdirectory("wb-cwd-later-").FullName;
        using var watcher = WbProcess.Start(["plugins", "watch"], cwd, new Dictionary<string, string> { ["XDG_DATA_HOME"] = _dataHome });
        try
        {
            var lines = new System.Collections.Concurrent.BlockingCollection<string>();
            _ = Task.Run(async () =>
            {
                while (await watcher.StandardOutput.ReadLineAsync() is { } l)
                {
                    lines.Add(l);
                }

                lines.CompleteAdding();
            });
            var watching = await WaitForLine(lines, l => l.StartsWith("watching ", StringComparison.Ordinal));
            Assert.Contains("not there yet", watching);

            CopyDirectory(NeedyBuilt, Path.Combine(cwd, "plugins", "NeedyPlugin"));

            var added = await WaitForLine(lines, l => l.StartsWith("added needy", StringComparison.Ordinal));
            Assert.Contains("loaded", added);
        }
        finally
        {
            watcher.Kill(entireProcessTree: true);
        }
    }

    private Task<WbProcess.Result> Wb(params string[] args) =>
        WbProcess.RunAsync(args, environment: new Dictionary<string, string> { ["XDG_DATA_HOME"] = _dataHome });

    private static string CopyOfNeedy(bool withoutLibrary)
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("wb-needy-").FullName, "NeedyPlugin");
        CopyDirectory(NeedyBuilt, folder);
        if (withoutLibrary)
        {
            File.Delete(Path.Combine(folder, "NeedyLibrary.dll"));
        }

        return folder;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<string> WaitForLine(System.Collections.Concurrent.BlockingCollection<string> lines, Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var seen = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            if (lines.TryTake(out var line, TimeSpan.FromMilliseconds(200)))
            {
                seen.Add(line);
                if (match(line))
                {
                    return line;
                }
            }
            else if (lines.IsCompleted)
            {
                break;
            }
        }

        Assert.Fail("no matching line; saw: " + string.Join(" | ", seen));
        return "";
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}

using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

[Trait("kind", "process")]
public sealed class CliPluginTests
{
    [Fact]
    public async Task Plugins_list_shows_every_built_in_plugin_loaded()
    {
        var result = await WbProcess.RunAsync(["plugins", "list", "--json"]);
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut);
        var ids = doc.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "bbob", "benchmarks", "random", "cmaes", "pso", "ga", "montecarlo", "heat" }, ids);
        Assert.All(doc.RootElement.EnumerateArray(), p => Assert.Equal("loaded", p.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_broken_plugin_is_reported_and_the_rest_still_run()
    {
        var dir = Directory.CreateTempSubdirectory("wb-broken-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "Broken"));
        await File.WriteAllTextAsync(Path.Combine(dir, "Broken", "Broken.dll"), "this is not an assembly");
        var list = await WbProcess.RunAsync(["plugins", "list", "--plugins", dir]);
        Assert.Equal(0, list.ExitCode);
        var line = Assert.Single(list.StdOut.Split('\n'), l => l.StartsWith("Broken", StringComparison.Ordinal));
        Assert.Contains("failed: ", line);
        var run = await WbProcess.RunAsync(["run", "-a", "random", "-p", "sphere", "-d", "2", "--max-evals", "10", "--plugins", dir]);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_plugin_folder_copied_in_is_picked_up_by_a_running_process_without_restart()
    {
        var dir = Directory.CreateTempSubdirectory("wb-hot-").FullName;
        using var watcher = WbProcess.Start(["plugins", "watch", "--plugins", dir]);
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
            await WaitForLine(lines, l => l.StartsWith("watching ", StringComparison.Ordinal));
            CopyDirectory(Path.Combine(WbProcess.BuiltInPlugins, "RandomSearch"), Path.Combine(dir, "RandomSearch"));
            var added = await WaitForLine(lines, l => l.StartsWith("added ", StringComparison.Ordinal));
            Assert.Contains("[random]", added);
            Directory.Delete(Path.Combine(dir, "RandomSearch"), recursive: true);
            await WaitForLine(lines, l => l.StartsWith("removed ", StringComparison.Ordinal));
        }
        finally
        {
            watcher.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> WaitForLine(System.Collections.Concurrent.BlockingCollection<string> lines, Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (lines.TryTake(out var line, TimeSpan.FromMilliseconds(200)))
            {
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

        await Task.CompletedTask;
        throw new TimeoutException("the expected line did not appear");
    }

    private static void CopyDirectory(string from, string to)
    {
        // Copy into a staging name, then move: the watcher sees the folder appear complete.
        var staging = to + ".staging";
        Directory.CreateDirectory(staging);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }

        Directory.Move(staging, to);
    }
}

using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary><c>--log-level</c> and <c>--log-file</c>: what the catalog used to swallow reaches the log, and the
/// default level changes nothing a script reads today.</summary>
[Trait("kind", "process")]
public sealed class CliLoggingTests
{
    [Fact]
    public async Task A_debug_log_file_holds_the_error_the_catalog_swallowed()
    {
        var plugins = BrokenPluginFolder();
        var log = Path.Combine(Directory.CreateTempSubdirectory("wb-log-").FullName, "wb.log");
        var result = await WbProcess.RunAsync(["--log-level", "debug", "--log-file", log, "plugins", "list", "--plugins", plugins]);
        Assert.Equal(0, result.ExitCode);
        var text = await File.ReadAllTextAsync(log);
        // Other.dll is looked at as a possible plugin assembly; that it is no assembly at all was dropped before.
        Assert.Contains($"{Path.Combine(plugins, "Broken", "Other.dll")} is not taken as a plugin assembly", text);
        Assert.Contains(nameof(BadImageFormatException), text);
        // And the folder's own failure, with the folder it concerns.
        Assert.Contains($"plugin folder {Path.Combine(plugins, "Broken")} failed to load", text);
    }

    [Fact]
    public async Task The_default_level_prints_nothing_new()
    {
        var plugins = BrokenPluginFolder();
        var plain = await WbProcess.RunAsync(["plugins", "list", "--plugins", plugins]);
        var silent = await WbProcess.RunAsync(["--log-level", "none", "plugins", "list", "--plugins", plugins]);
        var debug = await WbProcess.RunAsync(["--log-level", "debug", "plugins", "list", "--plugins", plugins]);
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(silent.StdOut, plain.StdOut);
        Assert.Equal(silent.StdErr, plain.StdErr);
        Assert.Equal("", plain.StdErr);
        // The same swallowed errors do reach stderr at debug, one line each: the default hides them, not the code.
        Assert.Contains("wb: debug: ", debug.StdErr);
        Assert.All(debug.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("wb: ", line));
        Assert.Equal(plain.StdOut, debug.StdOut);
    }

    [Theory]
    [InlineData("missing-folder/wb.log", "does not exist")]
    [InlineData(".", "is a folder")]
    public async Task A_bad_log_file_is_one_line_and_exit_2(string path, string why)
    {
        var cwd = Directory.CreateTempSubdirectory("wb-log-bad-").FullName;
        var result = await WbProcess.RunAsync(["--log-file", path, "plugins", "list"], cwd);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--log-file", line);
        Assert.Contains(why, line);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task An_unknown_log_level_is_refused()
    {
        var result = await WbProcess.RunAsync(["--log-level", "verbose", "plugins", "list"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("verbose", Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>A plugin folder whose only dll is not an assembly and not named after the folder, so the catalog
    /// first looks for the one plugin dll in it (and swallows why Other.dll is none), then reports the folder.</summary>
    private static string BrokenPluginFolder()
    {
        var dir = Directory.CreateTempSubdirectory("wb-log-plugins-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "Broken"));
        File.WriteAllText(Path.Combine(dir, "Broken", "Other.dll"), "this is not an assembly");
        return dir;
    }
}

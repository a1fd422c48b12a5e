using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary>A plugin that never returns cannot hold a run past its time limit: the run is recorded as failed, naming
/// the plugin, and the process exits. Names with control characters are printed escaped.</summary>
[Trait("kind", "process")]
public sealed class CliWatchdogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-watchdog-").FullName;

    private string Db => Path.Combine(_folder, "runs.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_hung_problem_fails_the_run_at_its_time_limit_naming_the_plugin()
    {
        var plugins = Path.Combine(AppContext.BaseDirectory, "testplugins");
        var result = await WbProcess.RunAsync(
            ["--plugins", plugins, "run", "-a", "pso", "-p", "hanging-sphere", "-d", "3", "--time-limit", "1", "--db", Db], timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("problem 'hanging-sphere' (plugin hang) has not returned from Evaluate", line, StringComparison.Ordinal);
        Assert.Contains("stuck thread abandoned", line, StringComparison.Ordinal);
        var list = await WbProcess.RunAsync(["runs", "list", "--db", Db, "--json"]);
        using var runs = JsonDocument.Parse(list.StdOut);
        var run = Assert.Single(runs.RootElement.EnumerateArray());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(50, run.GetProperty("iterations").GetInt64()); // the 50 iterations before the hang are kept
    }

    [Fact]
    public async Task A_name_with_a_newline_and_an_escape_is_stored_as_given_and_printed_escaped()
    {
        var name = "two\nlines \u001b[31mred";
        var run = await WbProcess.RunAsync(["run", "-a", "cmaes", "-p", "sphere", "-d", "2", "--max-evals", "50", "--name", name, "--tag", "t\u001b]0;x", "--db", Db]);
        Assert.Equal(0, run.ExitCode);

        var list = await WbProcess.RunAsync(["runs", "list", "--db", Db]);
        Assert.DoesNotContain('\u001b', list.StdOut);
        Assert.Contains("two\\nlines \\e[31mred #t\\e]0;x", list.StdOut, StringComparison.Ordinal);
        var json = await WbProcess.RunAsync(["runs", "list", "--db", Db, "--json"]);
        using var runs = JsonDocument.Parse(json.StdOut);
        Assert.Equal(name, runs.RootElement[0].GetProperty("name").GetString());
    }
}

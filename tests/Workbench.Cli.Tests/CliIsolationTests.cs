using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary><c>wb run --isolation process</c>: a problem that ends its process ends only the worker; the run is
/// recorded as failed with one line that says so, and an isolated run is the same run as one in process.</summary>
[Trait("kind", "process")]
public sealed class CliIsolationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-isolation-").FullName;

    private static string Plugins => Path.Combine(AppContext.BaseDirectory, "testplugins");

    private string Db => Path.Combine(_folder, "runs.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("fail-fast", "signal 6: Process terminated. dying-sphere gave up")]
    [InlineData("exit", "exit code 0")]
    [InlineData("stack-overflow", "Stack overflow.")]
    public async Task A_problem_that_ends_its_process_fails_only_the_run(string how, string said)
    {
        var result = await WbProcess.RunAsync(
            ["--plugins", Plugins, "run", "-a", "pso", "-p", "dying-sphere", "-d", "3", "--seed", "5", "-o", "swarm-size=20",
                "--problem-option", $"how={how}", "--problem-option", "after=20", "--isolation", "process", "--db", Db],
            timeout: TimeSpan.FromSeconds(120));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("wb: run failed: the problem's code ended the isolated evaluation worker (", line, StringComparison.Ordinal);
        Assert.Contains(said, line, StringComparison.Ordinal);
        var list = await WbProcess.RunAsync(["runs", "list", "--db", Db, "--json"]);
        using var runs = JsonDocument.Parse(list.StdOut);
        var run = Assert.Single(runs.RootElement.EnumerateArray());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("iterations").GetInt64() >= 1, "the iterations before the worker died are kept");
    }

    [Fact]
    public async Task An_isolated_run_is_the_same_run_as_one_in_process()
    {
        string[] run = ["run", "-a", "cmaes", "-p", "rosenbrock", "-d", "4", "--seed", "11", "--max-evals", "3000", "--json", "--no-record"];
        var inProcess = await WbProcess.RunAsync(run);
        var isolated = await WbProcess.RunAsync([.. run, "--isolation", "process"], timeout: TimeSpan.FromSeconds(120));
        Assert.True(isolated.ExitCode == 0, isolated.StdErr);
        using var a = JsonDocument.Parse(inProcess.StdOut);
        using var b = JsonDocument.Parse(isolated.StdOut);
        Assert.Equal(a.RootElement.GetProperty("bestFitness").GetDouble(), b.RootElement.GetProperty("bestFitness").GetDouble());
        Assert.Equal(a.RootElement.GetProperty("evaluations").GetInt64(), b.RootElement.GetProperty("evaluations").GetInt64());
    }

    [Fact]
    public async Task Isolation_with_peers_is_refused_before_any_worker_starts()
    {
        var result = await WbProcess.RunAsync(["run", "-a", "cmaes", "-p", "sphere", "-d", "2", "--isolation", "process", "--peers", "127.0.0.1:9", "--no-record"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("isolation: a process worker runs this machine's evaluations; it cannot be combined with peers", result.StdErr, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

[Trait("kind", "process")]
public sealed class CliRunTests
{
    private static readonly string[] DemoRun = ["run", "-a", "cmaes", "-p", "rosenbrock", "-d", "5", "--seed", "3", "--target", "1e-8", "--max-evals", "100000", "--json"];

    [Fact]
    public async Task Json_output_is_exactly_one_object_with_the_documented_fields()
    {
        var result = await WbProcess.RunAsync(DemoRun);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        foreach (var field in new[] { "runId", "algorithm", "problem", "dimension", "seed", "bestFitness", "bestPoint", "evaluations", "iterations", "wallSeconds", "stopReason" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal("cmaes", root.GetProperty("algorithm").GetString());
        Assert.Equal(3UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal("target", root.GetProperty("stopReason").GetString());
        Assert.True(root.GetProperty("bestFitness").GetDouble() <= 1e-8);
        Assert.Equal(5, root.GetProperty("bestPoint").GetArrayLength());
    }

    [Fact]
    public async Task The_same_seed_repeats_the_run_exactly_whatever_the_number_of_workers()
    {
        var one = await WbProcess.RunAsync([.. DemoRun, "--workers", "1"]);
        var two = await WbProcess.RunAsync([.. DemoRun, "--workers", "2"]);
        using var a = JsonDocument.Parse(one.StdOut);
        using var b = JsonDocument.Parse(two.StdOut);
        Assert.Equal(a.RootElement.GetProperty("evaluations").GetInt64(), b.RootElement.GetProperty("evaluations").GetInt64());
        Assert.Equal(a.RootElement.GetProperty("bestFitness").GetDouble(), b.RootElement.GetProperty("bestFitness").GetDouble());
        Assert.Equal(a.RootElement.GetProperty("bestPoint").ToString(), b.RootElement.GetProperty("bestPoint").ToString());
        Assert.Equal("serial", a.RootElement.GetProperty("evaluator").GetString());
        Assert.Equal("multicore", b.RootElement.GetProperty("evaluator").GetString());
    }

    [Fact]
    public async Task Without_a_seed_one_is_drawn_and_printed_so_the_run_can_be_repeated()
    {
        var result = await WbProcess.RunAsync(["run", "-a", "random", "-p", "sphere", "-d", "2", "--max-evals", "300"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"seed \d+ \(drawn at random; repeat with --seed \d+\)", result.StdOut);
        Assert.Contains("stopped: max-evaluations after 3 iterations and 300 evaluations", result.StdOut);
    }

    [Fact]
    public async Task Options_a_plugin_rejects_when_it_starts_are_usage_errors_naming_the_option()
    {
        var result = await WbProcess.RunAsync(["run", "-a", "cmaes", "-p", "sphere", "-d", "2", "-o", "x0=9,9", "--max-evals", "10"]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("wb: algorithm 'cmaes': ", result.StdErr);
        Assert.Contains("x0", result.StdErr);
    }

    [Fact]
    public async Task Describe_prints_options_with_defaults_ranges_and_help()
    {
        var text = await WbProcess.RunAsync(["describe", "pso"]);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("swarm-size", text.StdOut);
        var json = await WbProcess.RunAsync(["describe", "rosenbrock", "--json"]);
        using var doc = JsonDocument.Parse(json.StdOut);
        Assert.Equal("problem", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal("2 or more", doc.RootElement.GetProperty("dimensions").GetString());
        Assert.Equal("[-2.2, 2.2] per coordinate", doc.RootElement.GetProperty("defaultDomain").GetString());
    }

    [Fact]
    public async Task Task_run_json_has_the_result_hash_and_is_reproducible()
    {
        string[] args = ["task", "run", "-t", "heat", "-n", "2", "--seed", "5", "-o", "grid=41", "-o", "steps=20", "--json", "--no-record"];
        var a = await WbProcess.RunAsync(args);
        var b = await WbProcess.RunAsync([.. args[..5], "3", .. args[6..]]);
        Assert.Equal(0, a.ExitCode);
        using var da = JsonDocument.Parse(a.StdOut);
        using var db = JsonDocument.Parse(b.StdOut);
        Assert.Equal(64, da.RootElement.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(da.RootElement.GetProperty("sha256").GetString(), db.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(3, db.RootElement.GetProperty("nodes").GetInt32());
    }
}

using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary><c>wb map</c> through the real process: outputs in order, JSONL in and out, failures, usage errors, recording.</summary>
[Trait("kind", "process")]
public sealed class CliMapTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-map-").FullName;

    private string Db => Path.Combine(_folder, "runs.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Zero_over_a_thousand_inputs_returns_them_in_order()
    {
        var run = await WbProcess.RunAsync(["map", "--job", "zero", "--count", "1000", "--slots", "3", "--json", "--no-record"]);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.StdOut);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(1000, results.Length);
        Assert.Equal(Enumerable.Range(0, 1000), results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(Enumerable.Range(0, 1000), results.Select(r => r.GetProperty("output").GetInt32()));
        Assert.Equal(1000, doc.RootElement.GetProperty("slots").EnumerateArray().Sum(s => s.GetProperty("jobs").GetInt32()));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("mapRunId").ValueKind);
    }

    [Fact]
    public async Task Jsonl_inputs_come_back_as_jsonl_outputs_in_order()
    {
        var inputs = Path.Combine(_folder, "in.jsonl");
        var outputs = Path.Combine(_folder, "out.jsonl");
        await File.WriteAllLinesAsync(inputs, ["3", "2.5", "\"text\"", "[1,2.5,-3]", "true", "", "-7"]);
        var run = await WbProcess.RunAsync(["map", "--job", "zero", "--inputs", inputs, "--out", outputs, "--no-record"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "{\"index\":0,\"output\":3}", "{\"index\":1,\"output\":2.5}", "{\"index\":2,\"output\":\"text\"}",
                "{\"index\":3,\"output\":[1,2.5,-3]}", "{\"index\":4,\"output\":true}", "{\"index\":5,\"output\":-7}",
            ],
            await File.ReadAllLinesAsync(outputs));
    }

    [Fact]
    public async Task Failing_jobs_give_exit_1_listing_their_indices_while_the_others_finish()
    {
        var outputs = Path.Combine(_folder, "out.jsonl");
        var run = await WbProcess.RunAsync(["map", "--job", "zero", "--count", "30", "-o", "fail-every=10", "--out", outputs, "--no-record"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("3 of 30 jobs failed: indices 9, 19, 29", run.StdErr, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(outputs);
        Assert.Equal(30, lines.Length);
        Assert.Contains("\"error\"", lines[9], StringComparison.Ordinal);
        Assert.Equal("{\"index\":28,\"output\":28}", lines[28]);
    }

    [Theory]
    [InlineData("unknown job 'nope'; valid: lif, sleep, zero", "map", "--job", "nope", "--count", "3")]
    [InlineData("seconds", "map", "--job", "sleep", "-o", "seconds=-1", "--count", "3")]
    [InlineData("exactly one of --count N and --inputs", "map", "--job", "zero")]
    [InlineData("missing.jsonl", "map", "--job", "zero", "--inputs", "missing.jsonl")]
    [InlineData("slots", "map", "--job", "zero", "--count", "3", "--slots", "0")]
    public async Task Bad_usage_gives_exit_2_and_one_line(string expected, params string[] args)
    {
        var run = await WbProcess.RunAsync([.. args, "--db", Db], workingDirectory: _folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StdErr, StringComparison.Ordinal);
        Assert.Single(run.StdErr.Trim().Split('\n'));
        Assert.False(File.Exists(Db)); // usage errors are found before the store is opened
    }

    [Fact]
    public async Task A_bad_line_of_an_inputs_file_is_named()
    {
        var inputs = Path.Combine(_folder, "in.jsonl");
        await File.WriteAllLinesAsync(inputs, ["1", "{oops"]);
        var run = await WbProcess.RunAsync(["map", "--job", "zero", "--inputs", inputs, "--no-record"]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"wb: {inputs}:2: ", run.StdErr, StringComparison.Ordinal);
        Assert.Single(run.StdErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_map_is_recorded_with_its_slots_and_failures()
    {
        var run = await WbProcess.RunAsync(["map", "--job", "zero", "--count", "50", "-o", "fail-every=25", "--slots", "2", "--json", "--db", Db]);
        Assert.Equal(1, run.ExitCode);
        using var ran = JsonDocument.Parse(run.StdOut);
        var id = ran.RootElement.GetProperty("mapRunId").GetString()!;

        var list = await WbProcess.RunAsync(["map", "runs", "--db", Db, "--json"]);
        Assert.Equal(0, list.ExitCode);
        using var listed = JsonDocument.Parse(list.StdOut);
        var entry = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal(id, entry.GetProperty("id").GetString());
        Assert.Equal("zero", entry.GetProperty("jobId").GetString());
        Assert.Equal("jobs", entry.GetProperty("origin").GetProperty("pluginId").GetString());
        Assert.Equal("25", entry.GetProperty("options").GetProperty("fail-every").GetString());
        Assert.Equal(50, entry.GetProperty("count").GetInt32());
        Assert.Equal("completed", entry.GetProperty("status").GetString());
        Assert.Equal([24, 49], entry.GetProperty("failedIndices").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Contains("input 24", entry.GetProperty("firstErrors")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(50, entry.GetProperty("slots").EnumerateArray().Sum(s => s.GetProperty("jobs").GetInt32()));

        var text = await WbProcess.RunAsync(["map", "runs", "--db", Db]);
        Assert.Contains(id[..12], text.StdOut, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary><c>wb task run</c> records into the run store; <c>wb task runs</c> and <c>wb task show</c> read it back.</summary>
[Trait("kind", "process")]
public sealed class CliTaskStoreTests : IDisposable
{
    private static readonly string[] Heat = ["task", "run", "-t", "heat", "-n", "2", "--seed", "5", "-o", "grid=41", "-o", "steps=20"];

    private readonly string _folder = Directory.CreateTempSubdirectory("wb-task-store-").FullName;

    private string Db => Path.Combine(_folder, "runs.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_recorded_task_run_is_listed_and_shown_with_the_sha256_of_its_json()
    {
        var run = await WbProcess.RunAsync([.. Heat, "--json", "--db", Db]);
        Assert.Equal(0, run.ExitCode);
        using var ran = JsonDocument.Parse(run.StdOut);
        var id = ran.RootElement.GetProperty("taskRunId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);

        var list = await WbProcess.RunAsync(["task", "runs", "--db", Db, "--json"]);
        Assert.Equal(0, list.ExitCode);
        using var listed = JsonDocument.Parse(list.StdOut);
        var entry = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal(id, entry.GetProperty("taskRunId").GetString());
        Assert.Equal("completed", entry.GetProperty("status").GetString());
        Assert.Equal(ran.RootElement.GetProperty("sha256").GetString(), entry.GetProperty("sha256").GetString());

        var show = await WbProcess.RunAsync(["task", "show", id[..10], "--db", Db, "--json"]);
        Assert.Equal(0, show.ExitCode);
        using var shown = JsonDocument.Parse(show.StdOut);
        Assert.Equal(2, shown.RootElement.GetProperty("perNode").GetArrayLength());
        Assert.Equal("heat", shown.RootElement.GetProperty("plugin").GetProperty("id").GetString());
        Assert.Equal("wb task run --task heat --nodes 2 --seed 5 -o dt=auto -o grid=41 -o sigma=0.1 -o steps=20",
            shown.RootElement.GetProperty("repeat").GetString());

        // The optimisation-run listing does not see task runs.
        var runs = await WbProcess.RunAsync(["runs", "list", "--db", Db, "--json"]);
        Assert.Equal("[]", runs.StdOut.Trim());
    }

    [Fact]
    public async Task A_task_that_times_out_is_recorded_as_failed_with_its_error()
    {
        // 2000 steps take far longer than a millisecond on any machine.
        var run = await WbProcess.RunAsync(["task", "run", "-t", "heat", "-n", "2", "--seed", "5", "-o", "grid=41", "-o", "steps=2000", "--timeout", "0.001", "--db", Db]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("did not finish within", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("recorded as failed task run", run.StdErr, StringComparison.Ordinal);

        var list = await WbProcess.RunAsync(["task", "runs", "--db", Db, "--json"]);
        using var listed = JsonDocument.Parse(list.StdOut);
        var entry = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal("failed", entry.GetProperty("status").GetString());
        Assert.Contains("did not finish within", entry.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("sha256").ValueKind);
    }

    [Fact]
    public async Task No_record_writes_nothing()
    {
        var run = await WbProcess.RunAsync([.. Heat, "--no-record", "--db", Db, "--json"]);
        Assert.Equal(0, run.ExitCode);
        using var ran = JsonDocument.Parse(run.StdOut);
        Assert.Equal(JsonValueKind.Null, ran.RootElement.GetProperty("taskRunId").ValueKind);
        Assert.Empty(Directory.GetFiles(_folder));
    }
}

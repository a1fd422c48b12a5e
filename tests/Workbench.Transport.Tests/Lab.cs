using System.Text.Json;
using Workbench.Conformance;
using Workbench.Transport.Security;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>A temporary lab: a cluster key file, a run database, and helpers to run `wb` against peers and to
/// compare what runs recorded.</summary>
public sealed class Lab : IDisposable
{
    public Lab()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("wb-lab-").FullName;
        KeyFile = Path.Combine(Directory, "cluster.key");
        ClusterKey.CreateFile(KeyFile, force: false);
        Database = Path.Combine(Directory, "runs.db");
    }

    public string Directory { get; }

    public string KeyFile { get; }

    public string Database { get; }

    public Task<PeerProcess> StartPeerAsync(string name, int cpus = 1, int port = 0, params string[] extra) =>
        PeerProcess.StartAsync(KeyFile, name, cpus, port, extra);

    /// <summary>Runs wb with this lab's key and database; returns exit code, stdout, stderr.</summary>
    public Task<WbProcess.Result> WbAsync(params string[] args) =>
        WbProcess.RunAsync([.. args, "--key-file", KeyFile], timeout: TimeSpan.FromSeconds(120),
            environment: new Dictionary<string, string> { ["WORKBENCH_DB"] = Database });

    /// <summary>`wb run ... --json`, asserting exit 0; the parsed summary.</summary>
    public async Task<JsonElement> RunAsync(params string[] args)
    {
        var result = await WbAsync(["run", .. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"wb run exited {result.ExitCode}: {result.StdErr}");
        return JsonDocument.Parse(result.StdOut).RootElement.Clone();
    }

    /// <summary>The recorded history of a run without its timings: what must not depend on where evaluation ran.</summary>
    public async Task<string> HistoryAsync(JsonElement summary)
    {
        var result = await WbAsync("runs", "export", summary.GetProperty("runId").GetString()!, "--json");
        Assert.Equal(0, result.ExitCode);
        var history = JsonDocument.Parse(result.StdOut).RootElement[0].GetProperty("history");
        return string.Join("|", new[] { "iteration", "evaluations", "best", "iterationBest", "mean", "extras" }
            .Select(column => history.GetProperty(column).GetRawText()));
    }

    public static string[] SpreadNames(JsonElement summary) =>
        summary.GetProperty("spread").GetProperty("shares").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray();

    public static long Redispatches(JsonElement summary) => summary.GetProperty("spread").GetProperty("redispatches").GetInt64();

    public static string Warnings(JsonElement summary) =>
        string.Join(" | ", summary.GetProperty("spread").GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests.Hostile;

/// <summary>A store with two recorded runs, made once; every case gets a copy of it in a folder of its own, with a
/// zero-byte file and a text file beside it for the cases that need them.</summary>
public sealed class HostileStore : IAsyncLifetime
{
    private readonly string _template = Directory.CreateTempSubdirectory("wb-hostile-").FullName;
    private Dictionary<string, byte[]> _files = [];

    private string[] _runIds = [];

    public string RunId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var db = Path.Combine(_template, "runs.db");
        foreach (var seed in new[] { "1", "2" })
        {
            var result = await WbProcess.RunAsync(["run", "-a", "cmaes", "-p", "sphere", "-d", "2", "--max-evals", "200", "--seed", seed, "--db", db, "--tag", "kept"]);
            Assert.True(result.ExitCode == 0, result.StdErr);
        }

        var list = await WbProcess.RunAsync(["runs", "list", "--db", db, "--json"]);
        using var json = System.Text.Json.JsonDocument.Parse(list.StdOut);
        RunId = json.RootElement[0].GetProperty("runId").GetString()!;
        _runIds = json.RootElement.EnumerateArray().Select(r => r.GetProperty("runId").GetString()!).ToArray();
        // Not the lock, nor the writers' clean note (runs.db.checked): a cache of the file's size and time, which any
        // writer that opens a copy rewrites for that copy without changing a byte of the store.
        _files = Directory.GetFiles(_template).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal) && !f.EndsWith(".checked", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_template, recursive: true);
        return Task.CompletedTask;
    }

    public CaseFolder NewCaseFolder()
    {
        var folder = new CaseFolder(Directory.CreateTempSubdirectory("wb-hostile-case-").FullName, RunId);
        foreach (var (name, bytes) in _files)
        {
            File.WriteAllBytes(System.IO.Path.Combine(folder.Path, name), bytes);
        }

        File.WriteAllBytes(folder.Empty, []);
        File.WriteAllText(folder.File, "not a store\n");
        return folder;
    }

    /// <summary>The store files byte-for-byte as they were (a reader leaves no file behind but its lock file).</summary>
    public bool Unchanged(CaseFolder folder) =>
        _files.All(f => File.Exists(System.IO.Path.Combine(folder.Path, f.Key)) && File.ReadAllBytes(System.IO.Path.Combine(folder.Path, f.Key)).AsSpan().SequenceEqual(f.Value));

    public async Task<bool> EarlierRunsIntactAsync(CaseFolder folder)
    {
        var list = await WbProcess.RunAsync(["runs", "list", "--db", folder.Db, "--json", "--limit", "0"]);
        return list.ExitCode == 0 && _runIds.All(id => list.StdOut.Contains(id, StringComparison.Ordinal));
    }

    public sealed record CaseFolder(string Path, string RunId)
    {
        public string Db => System.IO.Path.Combine(Path, "runs.db");

        public string Empty => System.IO.Path.Combine(Path, "empty.db");

        public string File => System.IO.Path.Combine(Path, "text.db");

        public string Fill(string arg) => arg
            .Replace("{db}", Db, StringComparison.Ordinal)
            .Replace("{dir}", Path, StringComparison.Ordinal)
            .Replace("{empty}", Empty, StringComparison.Ordinal)
            .Replace("{file}", File, StringComparison.Ordinal)
            .Replace("{id}", RunId[..12], StringComparison.Ordinal);

        public void Delete() => Directory.Delete(Path, recursive: true);
    }
}

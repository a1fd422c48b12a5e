using System.Diagnostics;
using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary>A store that cannot grow (a full disk, played here by the shell's file-size limit): the run fails
/// with a message naming the file, the runs already stored are untouched, and the file stays usable.</summary>
[Trait("kind", "process")]
public sealed class CliStoreFullTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-store-full-").FullName;

    private string Db => Path.Combine(_folder, "runs.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_run_that_cannot_be_recorded_fails_clearly_and_loses_no_stored_run()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the limit comes from bash's ulimit
        }

        var first = await WbProcess.RunAsync(["run", "-a", "cmaes", "-p", "sphere", "-d", "5", "--max-iters", "50", "--seed", "1", "--db", Db]);
        Assert.Equal(0, first.ExitCode);
        var before = await ListRuns();
        var stored = Assert.Single(before.EnumerateArray());

        // 300 KiB per file; 20,000 PSO iterations of full history (not thinned) need several MB.
        var full = await RunWithFileSizeLimit(300, ["run", "-a", "pso", "-p", "rastrigin", "-d", "10", "--max-iters", "20000", "--seed", "3", "--history", "full", "--db", Db]);
        Assert.Equal(1, full.ExitCode);
        Assert.Contains($"recording to {Db} failed", full.StdErr, StringComparison.Ordinal);

        var after = (await ListRuns()).EnumerateArray().ToArray();
        Assert.Equal(2, after.Length);
        Assert.Equal("interrupted", after[0].GetProperty("status").GetString());
        Assert.Equal("pso", after[0].GetProperty("algorithm").GetString());
        Assert.Equal(stored.GetRawText(), after[1].GetRawText());

        var check = await WbProcess.RunAsync(["db", "check", "--db", Db]);
        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        var next = await WbProcess.RunAsync(["run", "-a", "cmaes", "-p", "sphere", "-d", "5", "--max-iters", "50", "--seed", "4", "--db", Db]);
        Assert.Equal(0, next.ExitCode);
        Assert.Equal(3, (await ListRuns()).GetArrayLength());
    }

    private async Task<JsonElement> ListRuns()
    {
        var list = await WbProcess.RunAsync(["runs", "list", "--db", Db, "--json"]);
        Assert.True(list.ExitCode == 0, list.StdErr);
        using var doc = JsonDocument.Parse(list.StdOut);
        return doc.RootElement.Clone();
    }

    /// <summary>Runs wb under <c>ulimit -f</c>: a write past the limit fails with EFBIG (SIGXFSZ is ignored),
    /// as a write to a full disk fails. W^X is off because its double-mapped code pages are files too.</summary>
    private static async Task<WbProcess.Result> RunWithFileSizeLimit(int kib, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.CreateTempSubdirectory("wb-cwd-").FullName,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"trap '' XFSZ; ulimit -f {kib}; exec dotnet \"$@\"");
        info.ArgumentList.Add("bash");
        info.ArgumentList.Add(WbProcess.WbDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new WbProcess.Result(process.ExitCode, await stdout, await stderr);
    }
}

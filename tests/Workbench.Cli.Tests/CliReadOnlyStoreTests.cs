using System.Diagnostics;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary>A store on a read-only mount: readers list, show, export and check it; writers are refused with one line,
/// before any work.</summary>
[Trait("kind", "process")]
public sealed class CliReadOnlyStoreTests : IDisposable
{
    private readonly string _source = Directory.CreateTempSubdirectory("wb-ro-src-").FullName;
    private readonly string _mount = Directory.CreateTempSubdirectory("wb-ro-").FullName;
    private bool _mounted;

    public void Dispose()
    {
        if (_mounted)
        {
            Sh("umount", _mount);
        }

        Directory.Delete(_mount, recursive: true);
        Directory.Delete(_source, recursive: true);
    }

    [SkippableFact]
    public async Task Readers_read_a_read_only_store_and_writers_are_refused_with_one_line()
    {
        var seeded = await WbProcess.RunAsync(["run", "-a", "pso", "-p", "sphere", "-d", "2", "--max-evals", "100", "--seed", "1", "--db", Path.Combine(_source, "runs.db")]);
        Assert.Equal(0, seeded.ExitCode);
        // A read-only bind mount needs root with CAP_SYS_ADMIN; file permissions would not stop root.
        _mounted = Sh("mount", "--bind", _source, _mount) == 0;
        Skip.IfNot(_mounted && Sh("mount", "-o", "remount,bind,ro", _mount) == 0, "cannot make a read-only mount here (needs root with CAP_SYS_ADMIN)");
        var db = Path.Combine(_mount, "runs.db");
        var before = File.ReadAllBytes(db);

        var list = await WbProcess.RunAsync(["runs", "list", "--db", db]);
        Assert.Equal(0, list.ExitCode);
        var id = list.StdOut.Split('\n')[1][..12];
        foreach (var reader in new string[][] { ["runs", "show", id], ["runs", "export", id, "--csv"], ["db", "check"] })
        {
            var result = await WbProcess.RunAsync([.. reader, "--db", db]);
            Assert.True(result.ExitCode == 0, $"wb {string.Join(' ', reader)}: {result.StdErr}");
        }

        foreach (var writer in new string[][] { ["runs", "tag", id, "x"], ["runs", "delete", id, "--yes"], ["db", "repair"], ["run", "-a", "pso", "-p", "sphere", "-d", "2", "--max-evals", "100"] })
        {
            var result = await WbProcess.RunAsync([.. writer, "--db", db]);
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("is read-only here", line, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllBytes(db));
    }

    private static int Sh(params string[] args)
    {
        var info = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args[1..])
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(info)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}

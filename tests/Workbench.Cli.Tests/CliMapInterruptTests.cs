using System.Runtime.InteropServices;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary>Ctrl-C (SIGINT) stops <c>wb map</c> cleanly: exit 130 and the map recorded as interrupted.</summary>
[Trait("kind", "process")]
public sealed class CliMapInterruptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-map-int-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Sigint_stops_the_map_with_exit_130_and_records_it_interrupted()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var db = Path.Combine(_folder, "runs.db");
        using var process = WbProcess.Start(["map", "--job", "sleep", "-o", "seconds=30", "--count", "4", "--db", db]);
        // The SIGINT handler is installed before the store is opened: once the lock's owner file exists, it is ours.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(db + ".lock-owner") && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, Kill(process.Id, 2));
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "wb map did not stop on SIGINT");
        Assert.Equal(130, process.ExitCode);

        var list = await WbProcess.RunAsync(["map", "runs", "--db", db]);
        Assert.Contains("interrupted", list.StdOut, StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}

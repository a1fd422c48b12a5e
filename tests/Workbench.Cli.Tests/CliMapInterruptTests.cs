using System.Runtime.InteropServices;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary>Ctrl-C (SIGINT) and SIGTERM stop <c>wb map</c> cleanly, as they stop <c>wb run</c>: exit 128 + the signal
/// and the map recorded as interrupted.</summary>
[Trait("kind", "process")]
public sealed class CliMapInterruptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-map-int-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(2, 130)]
    [InlineData(15, 143)]
    public async Task A_signal_stops_the_map_with_128_plus_its_number_and_records_it_interrupted(int signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var db = Path.Combine(_folder, "runs.db");
        using var process = WbProcess.Start(["map", "--job", "sleep", "-o", "seconds=30", "--count", "4", "--db", db]);
        // The signal handlers are installed before the store is opened: once the lock's owner file exists, it is ours.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(db + ".lock-owner") && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, Kill(process.Id, signal));
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), $"wb map did not stop on signal {signal}");
        Assert.Equal(exitCode, process.ExitCode);

        var list = await WbProcess.RunAsync(["map", "runs", "--db", db]);
        Assert.Contains("interrupted", list.StdOut, StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}

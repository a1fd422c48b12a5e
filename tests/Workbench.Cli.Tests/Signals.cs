using Xunit;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Workbench.Cli.Tests;

/// <summary>Sends POSIX signals to processes the tests started, and drives a real terminal through tmux.</summary>
internal static class Signals
{
    public const int Hup = 1;
    public const int Int = 2;
    public const int Term = 15;

    public static void Send(Process process, int signal) => Assert.Equal(0, Kill(process.Id, signal));

    /// <summary>Waits until <paramref name="file"/> exists (a store's lock owner: the run has started).</summary>
    public static async Task WaitForFileAsync(string file, Process? process = null, double seconds = 60)
    {
        var watch = Stopwatch.StartNew();
        while (!File.Exists(file))
        {
            Assert.True(process is null || !process.HasExited, $"wb exited before {file} appeared");
            Assert.True(watch.Elapsed.TotalSeconds < seconds, $"{file} did not appear");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until a run's first iteration is on disk: LiteDB commits into <c>runs-log.db</c> first, and a run
    /// is recorded from its first iteration.</summary>
    public static async Task WaitForFirstIterationAsync(string db, Process process, double seconds = 60)
    {
        var log = Path.Combine(Path.GetDirectoryName(db)!, Path.GetFileNameWithoutExtension(db) + "-log.db");
        var watch = Stopwatch.StartNew();
        while (!File.Exists(log) || new FileInfo(log).Length == 0)
        {
            Assert.False(process.HasExited, "wb exited before its first iteration was recorded");
            Assert.True(watch.Elapsed.TotalSeconds < seconds, "the first iteration was not recorded in time");
            await Task.Delay(20);
        }
    }

    public static bool HasTmux()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, UseShellExecute = false });
            p!.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static string Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info) ?? throw new InvalidOperationException("tmux did not start");
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    public static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}

using System.Diagnostics;

namespace Workbench.Storage.Tests;

/// <summary>Starts the real <c>wb</c> (the CLI project's build output, which has the built-in plugins beside it).</summary>
internal static class WbChild
{
    public static string WbDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent?.Name ?? "Debug"; // .../bin/<Configuration>/net10.0/
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbench.sln")))
            {
                var dll = Path.Combine(dir.FullName, "host", "Workbench.Cli", "bin", configuration, "net10.0", "wb.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("build the CLI first", dll);
            }
        }

        throw new DirectoryNotFoundException("Workbench.sln not found above " + here.FullName);
    }

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(WbDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the child has taken the database lock (it writes the owner note right after).</summary>
    public static void WaitForLock(string dbPath, Process child, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(dbPath + ".lock-owner"))
        {
            if (child.HasExited || clock.Elapsed > timeout)
            {
                throw new TimeoutException($"wb never locked {dbPath} (exited: {child.HasExited})");
            }

            Thread.Sleep(20);
        }
    }
}

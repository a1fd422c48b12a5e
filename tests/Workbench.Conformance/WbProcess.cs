using System.Diagnostics;
using System.Text;

namespace Workbench.Conformance;

/// <summary>Runs the real, built <c>wb</c> executable (the CLI project's output, with its built-in plugins).</summary>
public static class WbProcess
{
    /// <summary>The repository root: the nearest folder above the test assembly that holds Workbench.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Same configuration as the running tests (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string OutputDirectory => Path.Combine(RepoRoot, "host", "Workbench.Cli", "bin", Configuration, "net10.0");

    public static string WbDll => Path.Combine(OutputDirectory, "wb.dll");

    public static string BuiltInPlugins => Path.Combine(OutputDirectory, "plugins");

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs <c>dotnet wb.dll args</c> in <paramref name="workingDirectory"/> (a temp folder by default, so
    /// that no ./plugins of the caller leaks in) and waits at most <paramref name="timeout"/>.</summary>
    public static async Task<Result> RunAsync(IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        using var process = Start(args, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wb {string.Join(' ', args)} did not finish in time");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        if (!File.Exists(WbDll))
        {
            throw new FileNotFoundException($"wb is not built at {WbDll}; build host/Workbench.Cli first");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.CreateTempSubdirectory("wb-cwd-").FullName,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(WbDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Never the user's own run database, and never one shared by tests running in parallel.
        info.Environment["WORKBENCH_DB"] = Path.Combine(Directory.CreateTempSubdirectory("wb-db-").FullName, "runs.db");
        // Nor the user's installed plugins (DATA_HOME/plugins): each process sees an empty user folder unless told.
        info.Environment["XDG_DATA_HOME"] = Directory.CreateTempSubdirectory("wb-data-").FullName;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Workbench.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;
using Workbench.Transport.Client;
using Workbench.Transport.Security;

namespace Workbench.Cli.Composition;

/// <summary>The worker of <c>wb run --isolation process</c>: a child <c>wb serve</c> on a free loopback port that runs
/// the problem's code, so a plugin that ends its process (stack overflow, FailFast, Exit) ends only the worker.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Requests are signed with a key made for this run, written 0600 in a private temp folder and deleted after.</item>
/// <item>The child exits when its stdin closes, which happens when this process ends in any way, SIGKILL included.</item>
/// <item>Its stderr is kept (the runtime's last words, for example "Stack overflow.") for the message of a lost run.</item>
/// </list>
/// </remarks>
internal sealed partial class IsolatedWorker : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _folder;
    private readonly List<string> _stderr = [];

    private IsolatedWorker(Process process, string folder, ClusterCredentials credentials)
    {
        _process = process;
        _folder = folder;
        Credentials = credentials;
    }

    /// <summary>HOST:PORT of the worker, once it listens.</summary>
    public string Address { get; private set; } = "";

    public ClusterCredentials Credentials { get; }

    /// <summary>Starts the worker with <paramref name="slots"/> CPU slots and the same extra plugin folders as this
    /// process, and waits until it listens.</summary>
    /// <exception cref="IOException">The worker did not start (the message says what it printed).</exception>
    public static IsolatedWorker Start(int slots, IReadOnlyList<string> pluginFolders)
    {
        var folder = Directory.CreateTempSubdirectory("wb-worker-").FullName;
        var keyFile = Path.Combine(folder, "worker.key");
        ClusterKey.CreateFile(keyFile, force: false);
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run as `dotnet wb.dll`, the worker is started the same way; as the apphost or a single file, by itself.
        var entry = typeof(IsolatedWorker).Assembly.Location;
        if (entry.Length > 0 && Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(entry);
        }

        foreach (var arg in new[] { "serve", "--listen", "127.0.0.1:0", "--cpus", slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--name", "isolated evaluation worker", "--key-file", keyFile, "--cache", Path.Combine(folder, "cache"), "--exit-with-stdin" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var plugins in pluginFolders)
        {
            start.ArgumentList.Add("--plugins");
            start.ArgumentList.Add(plugins);
        }

        var process = Process.Start(start) ?? throw new IOException("the isolated evaluation worker did not start");
        var worker = new IsolatedWorker(process, folder, new ClusterCredentials(ClusterKey.Load(keyFile)));
        process.ErrorDataReceived += (_, e) => worker.KeepStderr(e.Data);
        process.BeginErrorReadLine();
        var listening = process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout).GetAwaiter().GetResult();
        if (listening is null || ListeningRegex().Match(listening) is not { Success: true } match)
        {
            worker.Dispose();
            throw new IOException($"the isolated evaluation worker did not start: {listening ?? worker.LastWords()}");
        }

        // Keep draining stdout (its "stopped" line) so the child never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        worker.Address = $"127.0.0.1:{match.Groups[1].Value}";
        return worker;
    }

    /// <summary>Null while the worker runs; else how it ended and what the runtime said, for the user. Waits a
    /// moment for the exit to be reaped: the broken connection is seen before the process is gone.</summary>
    public string? Death()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(2)))
        {
            return null;
        }

        var code = _process.ExitCode;
        var how = code > 128 ? $"signal {code - 128}" : $"exit code {code}";
        var words = LastWords();
        return $"the problem's code ended the isolated evaluation worker ({how}{(words.Length > 0 ? ": " + words : "")}); this process went on and recorded the run as failed";
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException e)
        {
            var logger = WorkbenchLog.For<IsolatedWorker>();
            logger.LogDebug(e, "isolated worker not stopped: never started or already reaped");
            // Never started or already reaped.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException e)
        {
            // The folder is named, never the key in it.
            var logger = WorkbenchLog.For<IsolatedWorker>();
            logger.LogDebug(e, "isolated worker folder {Folder} left behind", _folder);
            // The key is gone with the folder on the next reboot at the latest; nothing else in it matters.
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        // Stack frames and the worker's own log lines say nothing to the user; the runtime's message does.
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith("at ", StringComparison.Ordinal) || text.StartsWith("Repeat", StringComparison.Ordinal)
            || text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("wb:", StringComparison.Ordinal) || text.Contains(" session ", StringComparison.Ordinal))
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.Add(text.Length > 200 ? text[..200] + "..." : text);
            if (_stderr.Count > 3)
            {
                _stderr.RemoveAt(0);
            }
        }
    }

    /// <summary>The runtime's own message when it ended the process ("Stack overflow.", "Process terminated. ..."),
    /// as one line.</summary>
    private string LastWords()
    {
        lock (_stderr)
        {
            return string.Join(" ", _stderr);
        }
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningRegex();
}

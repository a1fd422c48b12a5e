using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Workbench.Conformance;

namespace Workbench.Transport.Tests;

/// <summary>A real <c>wb serve</c> process on a loopback port, with its own data directory (so its plugin cache
/// is its own), and the signals a test sends it.</summary>
public sealed partial class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerProcess(Process process, string name, string data)
    {
        _process = process;
        Name = name;
        DataDirectory = data;
        process.OutputDataReceived += (_, e) => OnLine(_stdout, e.Data, listening: true);
        process.ErrorDataReceived += (_, e) => OnLine(_stderr, e.Data, listening: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    public string Address => $"{Host}:{Port}";

    /// <summary>The address it listens on (loopback unless started in a test host).</summary>
    public string Host { get; private set; } = "127.0.0.1";

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StdOut
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>wb serve</c> and waits until it says where it listens.</summary>
    public static Task<PeerProcess> StartAsync(string keyFile, string name, int cpus = 1, int port = 0, params string[] extra) =>
        StartAsync(keyFile, name, cpus, $"127.0.0.1:{port}", null, extra);

    /// <summary>Starts <c>wb serve</c> on <paramref name="listen"/>, inside network namespace <paramref name="inNamespace"/>
    /// when one is given (through `ip netns exec`, which execs, so the process is wb itself).</summary>
    public static async Task<PeerProcess> StartAsync(string keyFile, string name, int cpus, string listen, string? inNamespace, params string[] extra)
    {
        var data = Directory.CreateTempSubdirectory("wb-peer-data-").FullName;
        string[] args = ["serve", "--listen", listen, "--cpus", cpus.ToString(System.Globalization.CultureInfo.InvariantCulture), "--name", name, "--key-file", keyFile, .. extra];
        var environment = new Dictionary<string, string> { ["XDG_DATA_HOME"] = data };
        var process = inNamespace is null ? WbProcess.Start(args, environment: environment) : StartIn(inNamespace, args, environment);
        var peer = new PeerProcess(process, name, data);
        var started = await Task.WhenAny(peer._listening.Task, Task.Delay(TimeSpan.FromSeconds(60)), process.WaitForExitAsync());
        if (started != peer._listening.Task)
        {
            await peer.DisposeAsync();
            throw new InvalidOperationException($"wb serve {name} did not start: {peer.StdOut} {peer.StdErr}");
        }

        peer.Port = await peer._listening.Task;
        peer.Host = listen[..listen.LastIndexOf(':')];
        var tls = Array.IndexOf(extra, "--tls-cert") is var at and >= 0 ? extra[at + 1] : null;
        await peer.WarmUpAsync(keyFile, tls);
        return peer;
    }

    private static Process StartIn(string ns, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.CreateTempSubdirectory("wb-cwd-").FullName,
        };
        foreach (var arg in (string[])["netns", "exec", ns, "dotnet", WbProcess.WbDll, .. args])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["WORKBENCH_DB"] = Path.Combine(Directory.CreateTempSubdirectory("wb-db-").FullName, "runs.db");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start ip netns exec");
    }

    /// <summary>Calls the peer until it answers: its first request compiles its whole request path, which on a
    /// loaded machine (CI runs test projects in parallel) can take longer than a client's probe waits.</summary>
    private async Task WarmUpAsync(string keyFile, string? tlsCertificate)
    {
        using var connection = new Transport.Client.PeerConnection(Transport.Client.PeerAddress.Parse((tlsCertificate is null ? "" : "https://") + Address),
            new Transport.Client.ClusterCredentials(Transport.Security.ClusterKey.Load(keyFile)) { TrustedCertificate = tlsCertificate });
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await connection.HelloAsync(CancellationToken.None, TimeSpan.FromSeconds(20));
                return;
            }
            catch (Transport.Client.PeerUnavailableException) when (attempt < 5 && !HasExited)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>A port that is free now (for a peer that a test starts later, after naming it to a client).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {Pid}");
        kill.WaitForExit();
    }

    public void Kill9() => _process.Kill();

    /// <summary>Waits until a new client session opens here (beyond the <paramref name="seen"/> ones before the run
    /// started; the first is the test's own warm-up), then a second more, so the peer is acted on while it works.</summary>
    public async Task WaitForRunAsync(int seen = 1)
    {
        for (var i = 0; i < 600 && Sessions() <= seen; i++)
        {
            await Task.Delay(50);
        }

        Xunit.Assert.True(Sessions() > seen, $"the run never reached peer {Name}");
        await Task.Delay(1000);
    }

    /// <summary>Client sessions this peer has logged so far.</summary>
    public int Sessions() => StdErr.Split('\n').Count(line => line.Contains(" session ", StringComparison.Ordinal));

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("CONT");
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void OnLine(StringBuilder sink, string? line, bool listening)
    {
        if (line is null)
        {
            return;
        }

        lock (sink)
        {
            sink.AppendLine(line);
        }

        if (listening && ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"listening on \S+:(\d+) ")]
    private static partial Regex ListeningLine();
}

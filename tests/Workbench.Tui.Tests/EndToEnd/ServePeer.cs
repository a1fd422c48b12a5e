using System.Diagnostics;
using System.Text.RegularExpressions;
using Workbench.Conformance;

namespace Workbench.Tui.Tests.EndToEnd;

/// <summary>A real <c>wb serve</c> on a loopback port with its own data directory, killed on dispose (the same
/// shape as the transport tests' PeerProcess, which this project does not reference).</summary>
internal sealed partial class ServePeer : IDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private ServePeer(Process process, string data, string address) => (_process, _data, Address) = (process, data, address);

    public string Address { get; }

    public static async Task<ServePeer> StartAsync(string keyFile, string name, int cpus)
    {
        var data = Directory.CreateTempSubdirectory("wb-tui-peer-").FullName;
        var process = WbProcess.Start(["serve", "--listen", "127.0.0.1:0", "--cpus", cpus.ToString(System.Globalization.CultureInfo.InvariantCulture), "--name", name, "--key-file", keyFile],
            environment: new Dictionary<string, string> { ["XDG_DATA_HOME"] = data });
        var listening = ReadPortAsync(process);
        if (await Task.WhenAny(listening, Task.Delay(TimeSpan.FromSeconds(30))) != listening || await listening is not { } port)
        {
            process.Kill();
            throw new InvalidOperationException($"wb serve {name} did not start: {await process.StandardError.ReadToEndAsync()}");
        }

        return new ServePeer(process, data, $"127.0.0.1:{port}");
    }

    private static async Task<string?> ReadPortAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                // Keep draining stdout so the peer never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"listening on \S+:(\d+) ")]
    private static partial Regex ListeningLine();
}

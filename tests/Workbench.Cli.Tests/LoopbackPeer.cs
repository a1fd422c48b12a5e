using System.Diagnostics;
using System.Text.RegularExpressions;
using Workbench.Conformance;

namespace Workbench.Cli.Tests;

/// <summary>A real <c>wb serve --insecure</c> on a free loopback port with its own data folder, killed on dispose.</summary>
internal sealed partial class LoopbackPeer : IDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private LoopbackPeer(Process process, string data, string address) => (_process, _data, Address) = (process, data, address);

    public string Address { get; }

    public static async Task<LoopbackPeer> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("wb-campaign-peer-").FullName;
        var process = WbProcess.Start(["serve", "--insecure", "--listen", "127.0.0.1:0", "--cpus", "1"],
            environment: new Dictionary<string, string> { ["XDG_DATA_HOME"] = data });
        var port = ReadPortAsync(process);
        if (await Task.WhenAny(port, Task.Delay(TimeSpan.FromSeconds(60))) != port || await port is not { } found)
        {
            process.Kill();
            throw new InvalidOperationException($"wb serve did not start: {await process.StandardError.ReadToEndAsync()}");
        }

        return new LoopbackPeer(process, data, $"127.0.0.1:{found}");
    }

    private static async Task<string?> ReadPortAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(); // never let the peer block on a full pipe
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
    private static partial Regex Listening();
}

using System.Net;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>Peers on hosts of their own (network namespaces joined by veth pairs), reached over a real link, with
/// latency and a pulled cable injected by a proxy (this kernel has no netem). Skipped, with the reason, where
/// namespaces cannot be made.</summary>
[Trait("kind", "netns")]
public sealed class MultiHostTests : IDisposable
{
    private static readonly string[] Reference = ["-a", "pso", "-p", "rosenbrock", "-d", "5", "--seed", "21", "--max-evals", "2000", "--workers", "1"];
    private static readonly string[] SlowRun = ["-a", "pso", "-p", "rosenbrock", "-d", "5", "--seed", "21", "--max-evals", "2000", "--problem-option", "pause-ms=4", "--no-local"];

    private readonly Lab _lab = new();
    private TestHosts? _hosts;

    [SkippableFact]
    public async Task Peers_on_other_hosts_give_the_serial_history_through_latency_and_a_pulled_cable()
    {
        var whyNot = TestHosts.WhyNot();
        Skip.If(whyNot is not null, whyNot);
        _hosts = new TestHosts();
        var (nsA, addressA) = _hosts.Add(1);
        var (nsB, addressB) = _hosts.Add(2);
        await using var a = await PeerProcess.StartAsync(_lab.KeyFile, "host-a", 1, $"{addressA}:7760", nsA);
        await using var b = await PeerProcess.StartAsync(_lab.KeyFile, "host-b", 1, $"{addressB}:7760", nsB);
        await using var slow = new FaultyProxy(new IPEndPoint(IPAddress.Parse(addressB), 7760)) { Latency = TimeSpan.FromMilliseconds(5) };

        // One name for both hosts, as a headless service's DNS name: `dns:NAME:PORT` finds every peer.
        var name = _hosts.Name(addressA, addressB);
        var listed = await _lab.WbAsync("peers", "--peers", $"dns:{name}:7760", "--json");
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal(["host-a", "host-b"], System.Text.Json.JsonDocument.Parse(listed.StdOut).RootElement.EnumerateArray()
            .Where(p => p.GetProperty("reachable").GetBoolean()).Select(p => p.GetProperty("name").GetString()).Order());

        var reference = await _lab.RunAsync(Reference);
        var direct = await _lab.RunAsync([.. Reference[..^2], "--peers", $"{a.Address},{b.Address}"]);
        Assert.Equal(await _lab.HistoryAsync(reference), await _lab.HistoryAsync(direct));
        Assert.Contains("host-a", Lab.SpreadNames(direct));

        // host-b behind a slow link (answering through it first), then its cable pulled mid-run: no reset, no answer.
        var through = await _lab.WbAsync("peers", "--peers", $"{a.Address},{slow.Address}", "--json");
        Assert.All(System.Text.Json.JsonDocument.Parse(through.StdOut).RootElement.EnumerateArray(), p => Assert.True(p.GetProperty("reachable").GetBoolean(), through.StdOut));
        var run = _lab.RunAsync([.. SlowRun, "--peers", $"{a.Address},{slow.Address}"]);
        var forwarded = slow.BytesForwarded;
        for (var i = 0; i < 100 && slow.BytesForwarded == forwarded; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(800);
        slow.Blackhole = true;
        var summary = await run;
        Assert.Equal(await _lab.HistoryAsync(reference), await _lab.HistoryAsync(summary));
        Assert.Contains("host-b", Lab.Warnings(summary), StringComparison.Ordinal);
        Assert.True(slow.BytesForwarded > 0);
    }

    public void Dispose()
    {
        _hosts?.Dispose();
        _lab.Dispose();
    }
}

using System.Text.Json;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>`wb map --peers`: jobs spread over real peers come back in input order, a peer killed mid-map loses no
/// job (its jobs run elsewhere), and a job's own exception is reported with its index, not retried.</summary>
[Trait("kind", "process")]
public sealed class MapPeersTests : IDisposable
{
    private readonly Lab _lab = new();

    [Fact]
    public async Task Jobs_of_a_killed_peer_run_elsewhere_and_every_output_comes_back_in_order()
    {
        await using var one = await _lab.StartPeerAsync("mapper-one", cpus: 2);
        await using var two = await _lab.StartPeerAsync("mapper-two", cpus: 2);
        // A first call makes the peers compile their request path, so both are up when the map probes them.
        Assert.Equal(0, (await _lab.WbAsync("peers", "--peers", $"{one.Address},{two.Address}")).ExitCode);
        var sessions = Sessions(two);
        var map = _lab.WbAsync("map", "--job", "sleep", "-o", "seconds=0.3", "--count", "24", "--peers", $"{one.Address},{two.Address}", "--no-local", "--json");
        // Kill the peer once the map's client has reached it, while jobs run there.
        for (var i = 0; i < 300 && Sessions(two) == sessions; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(700);
        two.Kill9();
        var result = await map;
        Assert.True(result.ExitCode == 0, result.StdErr);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal(Enumerable.Range(0, 24), root.GetProperty("results").EnumerateArray().Select(r => (int)r.GetProperty("output").GetInt64()));
        var slots = root.GetProperty("slots").EnumerateArray().ToArray();
        Assert.Contains(slots, s => s.GetProperty("name").GetString()!.StartsWith("mapper-two", StringComparison.Ordinal) && s.GetProperty("lost").GetBoolean());
        Assert.Equal(24, slots.Sum(s => s.GetProperty("jobs").GetInt32()));
    }

    [Fact]
    public async Task A_job_that_throws_on_a_peer_is_reported_with_its_index_and_the_others_finish()
    {
        await using var peer = await _lab.StartPeerAsync("thrower", cpus: 2);
        var result = await _lab.WbAsync("map", "--job", "zero", "-o", "fail-every=10", "--count", "30", "--peers", peer.Address, "--no-local");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("9", result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.Contains("thrower", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    private static int Sessions(PeerProcess peer) => peer.StdErr.Split("session ").Length;

    public void Dispose() => _lab.Dispose();
}

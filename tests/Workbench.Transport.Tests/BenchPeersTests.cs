using System.Text.Json;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>`wb bench peers`: every figure it reports comes from calls really made, to loopback peers in its own
/// process or to a `wb serve` named with --peers (its figures themselves are measured by hand, never asserted).</summary>
[Trait("kind", "process")]
public sealed class BenchPeersTests : IDisposable
{
    private readonly Lab _lab = new();

    [Fact]
    public async Task Loopback_peers_give_signed_and_unsigned_round_trips_and_a_map_rate()
    {
        var result = await _lab.WbAsync("bench", "peers", "--reps", "40", "--warm-up", "0.2", "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        var rows = root.GetProperty("roundTrips").EnumerateArray().ToArray();
        Assert.Equal(["signed empty call", "signed 100 x 5-D batch", "unsigned empty call", "unsigned 100 x 5-D batch"],
            rows.Select(r => r.GetProperty("what").GetString()));
        AssertMeasured(rows, calls: 40);
        Assert.True(root.GetProperty("mapZeroJobsPerSecond").GetDouble() > 0);
    }

    [Fact]
    public async Task A_named_peer_is_measured_signed_and_a_bad_warm_up_is_refused_in_one_line()
    {
        await using var peer = await _lab.StartPeerAsync("benched");
        var result = await _lab.WbAsync("bench", "peers", "--peers", peer.Address, "--reps", "25", "--warm-up", "0.2", "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        AssertMeasured(root.GetProperty("roundTrips").EnumerateArray().ToArray(), calls: 25);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("mapZeroJobsPerSecond").ValueKind);

        var refused = await _lab.WbAsync("bench", "peers", "--warm-up", "NaN");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--warm-up", refused.StdErr, StringComparison.Ordinal);
        Assert.Single(refused.StdErr.Trim().Split('\n'));
    }

    private static void AssertMeasured(JsonElement[] rows, int calls)
    {
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Equal(calls, row.GetProperty("calls").GetInt32());
            var median = row.GetProperty("medianMicroseconds").GetDouble();
            Assert.True(median > 0 && row.GetProperty("p90Microseconds").GetDouble() >= median, row.GetRawText());
        }
    }

    public void Dispose() => _lab.Dispose();
}

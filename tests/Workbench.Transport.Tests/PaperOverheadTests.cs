using System.Text.Json;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>`wb experiment paper-overhead` (Fig. 4B): each pause is run on one slot and on three loopback peers, and
/// both runs must find the same result (same seed, same points); the speed-ups themselves are measured by hand.</summary>
[Trait("kind", "process")]
public sealed class PaperOverheadTests : IDisposable
{
    private readonly Lab _lab = new();

    [Fact]
    public async Task Every_pause_gives_a_speed_up_from_runs_that_found_the_same_result()
    {
        var result = await _lab.WbAsync("experiment", "paper-overhead", "--pauses", "0", "2", "--reps", "1", "--iterations", "2", "--warm-up", "0.2", "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        var points = JsonDocument.Parse(result.StdOut).RootElement.EnumerateArray().ToArray();
        Assert.Equal([0.0, 2.0], points.Select(p => p.GetProperty("pauseMs").GetDouble()));
        foreach (var point in points)
        {
            Assert.True(point.GetProperty("sameResult").GetBoolean(), point.GetRawText());
            Assert.True(point.GetProperty("baselineSeconds").GetDouble() > 0 && point.GetProperty("speedup").GetDouble() > 0, point.GetRawText());
        }

        // Two iterations of 80 evaluations pausing 2 ms each take at least 0.32 s on one slot.
        Assert.True(points[1].GetProperty("baselineSeconds").GetDouble() >= 0.32, points[1].GetRawText());
    }

    public void Dispose() => _lab.Dispose();
}

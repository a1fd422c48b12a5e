using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>`wb bench heat`: every configuration it reports (the plain loop, local nodes, loopback peers) is really
/// run and timed; the figures themselves are measured by hand, never asserted.</summary>
[Trait("kind", "process")]
public sealed class BenchHeatTests : IDisposable
{
    private readonly Lab _lab = new();

    [Fact]
    public async Task Every_configuration_gets_a_row_with_a_positive_time()
    {
        var result = await _lab.WbAsync("bench", "heat", "--grid", "96", "--steps", "6", "--reps", "2", "--warm-up", "0.01", "--nodes", "1", "2", "--loopback-peers", "2");
        Assert.True(result.ExitCode == 0, result.StdErr);
        var rows = result.StdOut.Split('\n').Select(l => l.Trim()).ToArray();
        foreach (var label in new[] { "plain loop", "1 node", "2 nodes", "2 peers x 1 node" })
        {
            var row = rows.Single(r => r.StartsWith(label + " ", StringComparison.Ordinal));
            var seconds = double.Parse(row[label.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(seconds > 0, row);
        }

        var refused = await _lab.WbAsync("bench", "heat", "--warm-up", "-1");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--warm-up", refused.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => _lab.Dispose();
}

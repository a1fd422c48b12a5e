using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>Islands on real `wb serve` processes, driven by a real `wb run --islands --peers`: the CLI path, and
/// kill -9 of the peer holding an island in mid-run.</summary>
[Trait("kind", "process")]
public sealed class IslandPeerProcessTests : IDisposable
{
    // 3 GA islands of 40 on Rastrigin, migrating every 5 generations, 1 ms per evaluation: about 0.04 s a generation
    // on a slot, long enough to kill a peer mid-run; values as without the pause.
    private static readonly string[] Islands = ["-a", "ga", "-o", "population=40", "-p", "rastrigin", "-d", "4", "--seed", "5",
        "--islands", "3", "--migration-interval", "5", "--max-evals", "6000"];

    private readonly Lab _lab = new();

    [Fact]
    public async Task A_peer_killed_in_mid_run_moves_its_island_and_changes_nothing()
    {
        await using var one = await _lab.StartPeerAsync("one");
        await using var two = await _lab.StartPeerAsync("two");
        await using var three = await _lab.StartPeerAsync("three");
        var reference = await _lab.RunAsync([.. Islands, "--workers", "1"]);
        var run = _lab.RunAsync([.. Islands, "--problem-option", "pause-ms=1", "--peers", $"{one.Address},{two.Address},{three.Address}", "--no-local"]);
        await two.WaitForRunAsync();
        two.Kill9();
        var summary = await run;
        Assert.Equal("islands", summary.GetProperty("evaluator").GetString());
        Assert.Equal(await _lab.HistoryAsync(reference), await _lab.HistoryAsync(summary));
        Assert.True(Lab.Warnings(summary).Contains("island 1 lost with peer two", StringComparison.Ordinal), $"warnings: {Lab.Warnings(summary)}; spread: {summary.GetProperty("spread")}");
        Assert.True(Lab.Redispatches(summary) >= 1);
    }

    [Fact]
    public async Task Islands_on_peers_or_evaluations_spread_give_the_same_history()
    {
        await using var one = await _lab.StartPeerAsync("one");
        await using var two = await _lab.StartPeerAsync("two");
        var peers = $"{one.Address},{two.Address}";
        var islands = await _lab.RunAsync([.. Islands, "--peers", peers]);
        var evaluations = await _lab.RunAsync([.. Islands, "--peers", peers, "--distribute", "evaluations"]);
        Assert.Equal("islands", islands.GetProperty("evaluator").GetString());
        Assert.Equal("peers", evaluations.GetProperty("evaluator").GetString());
        Assert.Equal(await _lab.HistoryAsync(islands), await _lab.HistoryAsync(evaluations));
        Assert.Equal(["local", "one", "two"], Lab.SpreadNames(islands).Order());
    }

    [Fact]
    public async Task A_bad_distribution_is_refused_in_one_line()
    {
        var result = await _lab.WbAsync(["run", .. Islands, "--peers", "127.0.0.1:1", "--distribute", "nodes"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--distribute 'nodes' is invalid: expected islands or evaluations", result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    public void Dispose() => _lab.Dispose();
}

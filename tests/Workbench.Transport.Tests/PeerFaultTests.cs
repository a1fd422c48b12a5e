using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>Real `wb serve` processes on loopback, and real `wb run --peers` clients: the results never depend on
/// which peers took part, died, stopped, joined or changed their slots.</summary>
[Trait("kind", "process")]
public sealed class PeerFaultTests : IDisposable
{
    // PSO on Rosenbrock with a pause per evaluation: long enough to act mid-run, values as without the pause.
    private static readonly string[] SlowRun = ["-a", "pso", "-p", "rosenbrock", "-d", "5", "--seed", "11", "--max-evals", "2400", "--problem-option", "pause-ms=4"];
    private static readonly string[] Reference = ["-a", "pso", "-p", "rosenbrock", "-d", "5", "--seed", "11", "--max-evals", "2400", "--workers", "1"];

    private readonly Lab _lab = new();

    [Fact]
    public async Task Evaluation_spread_over_peers_repeats_the_serial_history_bit_for_bit()
    {
        await using var one = await _lab.StartPeerAsync("one", cpus: 2);
        await using var two = await _lab.StartPeerAsync("two");
        var local = await _lab.RunAsync(Reference);
        var spread = await _lab.RunAsync([.. Reference[..^2], "--peers", $"{one.Address},{two.Address}"]);
        Assert.Equal("peers", spread.GetProperty("evaluator").GetString());
        Assert.Equal(await _lab.HistoryAsync(local), await _lab.HistoryAsync(spread));
        Assert.Contains("one", Lab.SpreadNames(spread));
        Assert.Contains("two", Lab.SpreadNames(spread));
        Assert.Contains("session", one.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_killed_mid_run_loses_nothing_and_changes_nothing()
    {
        await using var one = await _lab.StartPeerAsync("one");
        await using var two = await _lab.StartPeerAsync("two");
        await using var three = await _lab.StartPeerAsync("three");
        var reference = await _lab.RunAsync(Reference);
        var run = _lab.RunAsync([.. SlowRun, "--peers", $"{one.Address},{two.Address},{three.Address}", "--no-local"]);
        await two.WaitForRunAsync();
        two.Kill9();
        var summary = await run;
        Assert.Equal(await _lab.HistoryAsync(reference), await _lab.HistoryAsync(summary));
        Assert.Contains("peer two", Lab.Warnings(summary), StringComparison.Ordinal);
        Assert.True(Lab.Redispatches(summary) >= 1);
    }

    [Fact]
    public async Task A_stopped_peer_loses_its_work_to_the_others()
    {
        await using var one = await _lab.StartPeerAsync("one");
        await using var two = await _lab.StartPeerAsync("two");
        var reference = await _lab.RunAsync(Reference);
        var run = _lab.RunAsync([.. SlowRun, "--peers", $"{one.Address},{two.Address}", "--no-local"]);
        await two.WaitForRunAsync();
        two.Signal("STOP");
        var summary = await run;
        two.Signal("CONT");
        Assert.Equal(await _lab.HistoryAsync(reference), await _lab.HistoryAsync(summary));
        Assert.Contains("peer two", Lab.Warnings(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_that_joins_mid_run_is_used_from_a_later_batch()
    {
        await using var one = await _lab.StartPeerAsync("one");
        var port = PeerProcess.FreePort();
        var reference = await _lab.RunAsync(Reference);
        var run = _lab.RunAsync([.. SlowRun, "--peers", $"{one.Address},127.0.0.1:{port}", "--no-local"]);
        await Task.Delay(1000);
        await using var late = await _lab.StartPeerAsync("late", port: port);
        var summary = await run;
        Assert.Equal(await _lab.HistoryAsync(reference), await _lab.HistoryAsync(summary));
        Assert.Contains("late", Lab.SpreadNames(summary));
    }

    [Fact]
    public async Task Slots_changed_while_a_run_goes_on_are_seen_by_the_next_dispatch()
    {
        await using var one = await _lab.StartPeerAsync("one");
        await using var two = await _lab.StartPeerAsync("two");
        var reference = await _lab.RunAsync(Reference);
        var run = _lab.RunAsync([.. SlowRun, "--peers", $"{one.Address},{two.Address}", "--no-local"]);
        await Task.Delay(800);
        var set = await _lab.WbAsync("peers", "set", one.Address, "--cpus", "3");
        Assert.Equal(0, set.ExitCode);
        Assert.Contains("3 cpu slots", set.StdOut, StringComparison.Ordinal);
        var summary = await run;
        Assert.Equal(await _lab.HistoryAsync(reference), await _lab.HistoryAsync(summary));
        Assert.Contains("cpu slots 1 -> 3", one.StdErr, StringComparison.Ordinal);
        var peers = await _lab.WbAsync("peers", "--peers", one.Address, "--json");
        Assert.Contains("\"cpuSlots\": 3", peers.StdOut, StringComparison.Ordinal);
    }

    public void Dispose() => _lab.Dispose();
}

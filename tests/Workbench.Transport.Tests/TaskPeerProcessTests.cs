using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>`wb task run --peers` against real `wb serve` processes: the result equals the local one, and kill -9 of
/// a peer holding a node fails the task in bounded time, naming node and peer, with exit 1.</summary>
[Trait("kind", "process")]
public sealed partial class TaskPeerProcessTests : IDisposable
{
    private readonly Lab _lab = new();

    [Fact]
    public async Task Heat_on_two_peer_processes_repeats_the_local_sha_and_a_killed_peer_fails_the_task_naming_it()
    {
        await using var one = await _lab.StartPeerAsync("one");
        await using var two = await _lab.StartPeerAsync("two");
        var peers = $"{one.Address},{two.Address}";
        var local = await _lab.WbAsync("task", "run", "--task", "heat", "-n", "2", "--seed", "3", "-o", "grid=81", "-o", "steps=30");
        var remote = await _lab.WbAsync("task", "run", "--task", "heat", "-n", "2", "--seed", "3", "-o", "grid=81", "-o", "steps=30", "--peers", peers);
        Assert.Equal(0, remote.ExitCode);
        Assert.Equal(Sha(local.StdOut), Sha(remote.StdOut));

        // A long task (a million steps), then kill -9 of the peer holding node 1.
        var seen = two.Sessions();
        var clock = Stopwatch.StartNew();
        var run = _lab.WbAsync("task", "run", "--task", "heat", "-n", "2", "--seed", "3", "-o", "grid=81", "-o", "steps=1000000", "--peers", peers);
        await two.WaitForRunAsync(seen);
        two.Kill9();
        var killed = clock.Elapsed;
        var failed = await run;
        var afterKill = clock.Elapsed - killed;
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("lost node 1 of 2 with peer two", failed.StdErr, StringComparison.Ordinal);
        Assert.True(afterKill < TimeSpan.FromSeconds(10), $"the task took {afterKill.TotalSeconds:F1} s to fail after the kill");
        Assert.DoesNotContain("   at ", failed.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => _lab.Dispose();

    private static string Sha(string output) => ShaLine().Match(output) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no sha256 in: {output}");

    [GeneratedRegex("sha256: ([0-9a-f]{64})")]
    private static partial Regex ShaLine();
}

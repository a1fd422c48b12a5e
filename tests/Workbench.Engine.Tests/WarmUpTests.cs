using System.Diagnostics;
using Workbench.Engine.Benchmarking;
using Xunit;

namespace Workbench.Engine.Tests;

[Trait("kind", "unit")]
public sealed class WarmUpTests
{
    [Fact]
    public void A_zero_warm_up_still_runs_one_round()
    {
        var rounds = 0;
        WarmUp.For(TimeSpan.Zero, () => rounds++);
        Assert.Equal(1, rounds);
    }

    [Fact]
    public async Task Rounds_go_on_until_the_duration_has_passed()
    {
        var (rounds, clock) = (0, Stopwatch.StartNew());
        await WarmUp.ForAsync(TimeSpan.FromMilliseconds(60), async () =>
        {
            rounds++;
            await Task.Delay(5);
        });
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(60) && rounds >= 2, $"{rounds} rounds in {clock.Elapsed}");
    }
}

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
        // Judged round by round, not by a count: a loaded machine can stretch one 5 ms delay past the whole duration.
        var duration = TimeSpan.FromMilliseconds(60);
        var (rounds, clock) = (new List<(TimeSpan Start, TimeSpan End)>(), Stopwatch.StartNew());
        await WarmUp.ForAsync(duration, async () =>
        {
            var start = clock.Elapsed;
            await Task.Delay(5);
            rounds.Add((start, clock.Elapsed));
        });
        var report = string.Join(", ", rounds.Select(r => $"{r.Start.TotalMilliseconds:F0}-{r.End.TotalMilliseconds:F0} ms"));
        Assert.True(clock.Elapsed >= duration, report);
        Assert.True(rounds[^1].End >= duration, $"stopped before the duration had passed: {report}");
        // The warm-up's own clock starts between this one's and the first round: measured from the first round's
        // start, every round but the last ended before the duration had passed.
        Assert.All(rounds.SkipLast(1), r => Assert.True(r.End - rounds[0].Start < duration, $"a round after the duration had passed: {report}"));
    }
}

using Workbench.Tui.Cluster;

namespace Workbench.Tui.Tests.Unit;

public sealed class ProbeLoopTests
{
    [Fact]
    public async Task Probes_at_start_and_when_woken_and_a_failed_probe_does_not_end_the_loop()
    {
        var probes = 0;
        var failures = new List<string>();
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A period far longer than the test: every probe after the first comes from Wake.
        using var loop = new ProbeLoop(_ =>
        {
            var n = Interlocked.Increment(ref probes);
            if (n == 2)
            {
                throw new InvalidOperationException("boom");
            }

            if (n == 3)
            {
                third.TrySetResult();
            }

            return Task.CompletedTask;
        }, TimeSpan.FromHours(1), e => failures.Add(e.Message));

        loop.Start();
        await WaitUntil(() => Volatile.Read(ref probes) >= 1);
        loop.Wake();
        await WaitUntil(() => Volatile.Read(ref probes) >= 2);
        loop.Wake();
        await third.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["boom"], failures);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}

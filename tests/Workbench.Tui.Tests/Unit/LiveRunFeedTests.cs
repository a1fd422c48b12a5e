using Workbench.Engine.Running;
using Workbench.Tui.Live;

namespace Workbench.Tui.Tests.Unit;

public sealed class LiveRunFeedTests
{
    private static IterationRecord Record(long i, double best) => new(i, i * 10, best, best, best, i * 0.001, []);

    private static RunSummary Summary() => new()
    {
        RunId = "r", Status = RunStatus.Completed, StopReason = new StopReason(StopKind.MaxEvaluations),
        BestFitness = 1, BestPoint = [], Evaluations = 1, Iterations = 1, WallSeconds = 1, EndedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_million_iterations_within_one_interval_cost_one_post_and_the_final_post()
    {
        var clock = new ManualClock();
        var queue = new List<Action>();
        var shown = new List<LiveSnapshot>();
        var feed = new LiveRunFeed(queue.Add, shown.Add, TimeSpan.FromMilliseconds(100), clock);
        for (var i = 1; i <= 1_000_000; i++)
        {
            feed.OnIteration(Record(i, 1.0 / i));
        }

        Assert.Single(queue);
        feed.OnRunFinished(Summary());
        Assert.Equal(2, queue.Count);
        foreach (var post in queue)
        {
            post();
        }

        // Each post shows the newest state, not the state when it was queued.
        Assert.All(shown, s => Assert.Equal(1_000_000, s.Latest!.Iteration));
        Assert.NotNull(shown[^1].Finished);
        Assert.True(shown[^1].Curve.Count <= 1024);
    }

    [Fact]
    public void Posts_at_most_once_per_interval_and_never_two_in_flight()
    {
        var clock = new ManualClock();
        var queue = new Queue<Action>();
        var feed = new LiveRunFeed(queue.Enqueue, _ => { }, TimeSpan.FromMilliseconds(100), clock);
        for (var i = 1; i <= 100; i++)
        {
            feed.OnIteration(Record(i, 1));
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // 1 s of iterations every 10 ms, but the UI thread never ran: only the first post is queued.
        Assert.Single(queue);
        queue.Dequeue()();
        for (var i = 101; i <= 200; i++)
        {
            feed.OnIteration(Record(i, 1));
            while (queue.Count > 0)
            {
                queue.Dequeue()();
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // With the UI keeping up: one post per 100 ms of the second second.
        Assert.InRange(feed.Posts, 10, 12);
    }
}

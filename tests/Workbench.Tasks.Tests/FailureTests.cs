using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;

namespace Workbench.Tasks.Tests;

public sealed class FailureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_failing_node_cancels_the_others_and_is_named_in_the_error()
    {
        using var started = new Barrier(3);
        var cancelled = 0;
        var task = new LambdaTask("failing", 3, TubeTopology.None, (context, token) =>
        {
            Assert.True(started.SignalAndWait(Bound));
            if (context.NodeIndex == 1)
            {
                throw new InvalidOperationException("boom");
            }

            if (token.WaitHandle.WaitOne(Bound))
            {
                Interlocked.Increment(ref cancelled);
            }

            token.ThrowIfCancellationRequested();
            return TaskValue.FromInteger(0);
        });

        var error = Assert.Throws<ParallelTaskException>(() => task.Execute());
        Assert.Equal("task 'failing' failed on node 1 of 3: InvalidOperationException: boom", error.Message);
        Assert.Equal(1, error.Node);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(2, cancelled);
    }

    [Fact]
    public void A_failure_wins_over_the_deadlock_it_leaves_behind()
    {
        // Nodes 0 and 2 wait on tubes that only node 1 feeds; node 1 throws instead.
        var topology = new TubeTopology([new TubeLink("a", 1, 0), new TubeLink("b", 1, 2)]);
        var task = new LambdaTask("orphans", 3, topology, (context, token) =>
            context.NodeIndex == 1 ? throw new ArgumentException("bad input") : context.Pop(context.Incoming[0]));

        var error = Assert.Throws<ParallelTaskException>(() => task.Execute());
        Assert.Contains("node 1 of 3: ArgumentException: bad input", error.Message);
    }

    [Fact]
    public void Nodes_that_wait_on_each_other_are_reported_as_a_deadlock()
    {
        var topology = new TubeTopology([new TubeLink("a", 0, 1), new TubeLink("b", 1, 0)]);
        var task = new LambdaTask("stuck", 2, topology, (context, token) => context.Pop(context.Incoming[0]));

        var error = Assert.Throws<TaskDeadlockException>(() => task.Execute());
        Assert.Equal("task 'stuck' deadlocked: every running node waits on an empty tube (node 0 waits on 'b'; node 1 waits on 'a')", error.Message);
    }

    [Fact]
    public void A_deadlock_left_when_a_node_finishes_is_detected()
    {
        // Node 2 returns without feeding anyone; nodes 0 and 1 then wait on each other.
        var topology = new TubeTopology([new TubeLink("a", 0, 1), new TubeLink("b", 1, 0), new TubeLink("c", 2, 0)]);
        var task = new LambdaTask("half", 3, topology, (context, token) =>
            context.NodeIndex == 2 ? TaskValue.FromInteger(2) : context.Pop(context.NodeIndex == 0 ? "b" : "a"));

        var error = Assert.Throws<TaskDeadlockException>(() => task.Execute());
        Assert.Contains("node 0 waits on 'b'; node 1 waits on 'a'", error.Message);
        Assert.True(error.Waits[2].Finished);
    }

    [Fact]
    public void A_run_past_its_time_limit_fails_with_what_each_node_was_doing()
    {
        var topology = new TubeTopology([new TubeLink("a", 0, 1)]);
        var task = new LambdaTask("late", 2, topology, (context, token) =>
        {
            if (context.NodeIndex == 1)
            {
                return context.Pop("a");
            }

            // Busy without waiting on a tube, so no deadlock: only the time limit can end it.
            token.WaitHandle.WaitOne(Bound);
            token.ThrowIfCancellationRequested();
            return TaskValue.FromInteger(0);
        });

        var error = Assert.Throws<ParallelTaskException>(() => task.Execute(new TaskRunSettings { Timeout = TimeSpan.FromMilliseconds(200) }));
        Assert.Null(error.Node);
        Assert.Contains("task 'late' did not finish within", error.Message);
        Assert.Contains("node 0 running; node 1 waits on 'a'", error.Message);
    }
}

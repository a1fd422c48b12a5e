using Workbench.Contracts.Randomness;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;

namespace Workbench.Tasks.Tests;

public sealed class TubeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void Values_arrive_in_push_order()
    {
        var task = new LambdaTask("fifo", 2, new TubeTopology([new TubeLink("a", 0, 1)]), (context, token) =>
        {
            if (context.NodeIndex == 0)
            {
                for (var i = 0; i < 200; i++)
                {
                    context.Push("a", TaskValue.FromInteger(i));
                }

                return TaskValue.FromIntegers([]);
            }

            return TaskValue.FromIntegers(Enumerable.Range(0, 200).Select(_ => (int)context.Pop("a").AsInteger()).ToArray());
        });

        var results = task.Execute().Results;
        Assert.Equal(Enumerable.Range(0, 200).ToArray(), results[1].AsIntegers().ToArray());
    }

    [Fact]
    public void Changing_a_pushed_buffer_does_not_change_the_popped_value()
    {
        var task = new LambdaTask("copy", 2, new TubeTopology([new TubeLink("a", 0, 1)]), (context, token) =>
        {
            if (context.NodeIndex == 0)
            {
                var buffer = new[] { 1.0, 2.0, 3.0 };
                context.Push("a", TaskValue.FromReals(buffer));
                buffer[0] = -1;
                context.Push("a", TaskValue.FromReals(buffer));
                return TaskValue.FromReals(buffer);
            }

            var first = context.Pop("a").AsReals().ToArray();
            var second = context.Pop("a").AsReals().ToArray();
            return TaskValue.FromReals([.. first, .. second]);
        });

        Assert.Equal([1.0, 2.0, 3.0, -1.0, 2.0, 3.0], task.Execute().Results[1].AsReals().ToArray());
    }

    [Fact]
    public void A_waiting_pop_ends_when_its_token_is_cancelled()
    {
        var network = new LocalTubeNetwork("t", 2, new TubeTopology([new TubeLink("a", 0, 1)]));
        using var cancel = new CancellationTokenSource();
        var pop = Task.Run(() => network["a"].Pop(null, cancel.Token));
        Assert.True(SpinWait.SpinUntil(() => network.Snapshot()[1].Tube == "a", Bound), "node 1 never waited on 'a'");
        cancel.Cancel();
        Assert.True(((IAsyncResult)pop).AsyncWaitHandle.WaitOne(Bound), "the pop did not return after cancellation");
        Assert.IsAssignableFrom<OperationCanceledException>(pop.Exception?.InnerException);
    }

    [Fact]
    public void A_pop_with_a_timeout_fails_naming_the_tube()
    {
        var network = new LocalTubeNetwork("t", 2, new TubeTopology([new TubeLink("a", 0, 1)]));
        var error = Assert.Throws<TimeoutException>(() => network["a"].Pop(TimeSpan.FromMilliseconds(30), CancellationToken.None));
        Assert.Contains("node 1 waited 30 ms on tube 'a' (from node 0)", error.Message);
    }

    [Fact]
    public void A_pop_timeout_inside_a_task_fails_the_node_and_cancels_the_others()
    {
        var task = new LambdaTask("slow", 2, new TubeTopology([new TubeLink("a", 0, 1)]), (context, token) =>
        {
            if (context.NodeIndex == 0)
            {
                token.WaitHandle.WaitOne(Bound);
                token.ThrowIfCancellationRequested();
                return TaskValue.FromInteger(0);
            }

            return context.Pop("a", TimeSpan.FromMilliseconds(20));
        });

        var error = Assert.Throws<ParallelTaskException>(() => task.Execute());
        Assert.Equal(1, error.Node);
        Assert.Contains("task 'slow' failed on node 1 of 2: TimeoutException", error.Message);
    }

    [Fact]
    public void A_node_may_only_use_its_own_tubes()
    {
        var task = new LambdaTask("own", 2, new TubeTopology([new TubeLink("a", 0, 1)]), (context, token) =>
        {
            context.Push(context.NodeIndex == 1 ? "a" : "zzz", TaskValue.FromInteger(1));
            return TaskValue.FromInteger(0);
        });

        var error = Assert.Throws<ParallelTaskException>(() => task.Execute());
        Assert.Contains("cannot push to tube", error.Message);
    }

    [Fact]
    public void Each_node_sees_its_tubes_and_its_derived_seed()
    {
        var task = new LambdaTask("ctx", 3, TubeTopology.DoubleLinear(3), (context, token) =>
            TaskValue.FromText($"{context.Seed}|{string.Join(",", context.Incoming)}|{string.Join(",", context.Outgoing)}"));

        var results = task.Execute(seed: 99).Results;
        Assert.Equal($"{Seeds.Derive(99, "node", 1)}|right_0,left_1|left_0,right_1", results[1].AsText());
        Assert.Equal($"{Seeds.Derive(99, "node", 0)}|left_0|right_0", results[0].AsText());
    }
}

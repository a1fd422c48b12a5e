using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;

namespace Workbench.Tasks.Tests;

/// <summary>The async side of the task runtime: PopAsync/PushAsync, completed tubes (with and without an error),
/// deadlocks among async waiters, and an execute that does not hold its caller.</summary>
public sealed class AsyncTubeTests
{
    private static readonly TubeTopology Pipe = new([new TubeLink("data", 0, 1)]);

    [Fact]
    public void Async_pops_take_every_value_in_order_then_the_completion_ends_the_stream()
    {
        var task = new LambdaTask("pipe", 2, Pipe, (context, token) =>
        {
            if (context.NodeIndex == 0)
            {
                for (var i = 1; i <= 100; i++)
                {
                    context.PushAsync("data", TaskValue.FromInteger(i), token).AsTask().GetAwaiter().GetResult();
                }

                context.Complete("data");
                return TaskValue.FromInteger(0);
            }

            var seen = new List<long>();
            var ended = Assert.Throws<TubeCompletedException>(Drain);
            Assert.Null(ended.SenderError);
            Assert.Equal(0, ended.Sender);
            Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), seen);
            // The completion stays: a sync pop on the drained tube says the same.
            Assert.Throws<TubeCompletedException>(() => context.Pop("data"));
            return TaskValue.FromInteger(seen.Count);

            void Drain()
            {
                while (true)
                {
                    seen.Add(context.PopAsync("data", cancellationToken: token).AsTask().GetAwaiter().GetResult().AsInteger());
                }
            }
        });

        Assert.Equal(100, task.Execute().Results[1].AsInteger());
    }

    [Fact]
    public void A_tube_completed_with_an_error_hands_the_reason_to_the_receiver()
    {
        var task = new LambdaTask("pipe", 2, Pipe, (context, token) =>
        {
            if (context.NodeIndex == 0)
            {
                context.Push("data", TaskValue.FromInteger(5));
                context.Complete("data", "sensor 3 failed");
                context.Complete("data", "a second completion is ignored");
                Assert.Throws<InvalidOperationException>(() => context.Push("data", TaskValue.FromInteger(6)));
                return TaskValue.FromInteger(0);
            }

            Assert.Equal(5, context.Pop("data").AsInteger());
            return context.PopAsync("data", cancellationToken: token).AsTask().GetAwaiter().GetResult();
        });

        var failure = Assert.Throws<ParallelTaskException>(() => task.Execute());
        Assert.Equal(1, failure.Node);
        Assert.Contains("tube 'data' was completed by node 0 with an error: sensor 3 failed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_waiting_in_async_pops_on_each_other_are_a_deadlock()
    {
        var ring = new TubeTopology([new TubeLink("a", 0, 1), new TubeLink("b", 1, 0)]);
        var task = new LambdaTask("ring", 2, ring, (context, token) =>
            context.PopAsync(context.NodeIndex == 0 ? "b" : "a", cancellationToken: token).AsTask().GetAwaiter().GetResult());

        var deadlock = Assert.Throws<TaskDeadlockException>(() => task.Execute(new TaskRunSettings { Timeout = TimeSpan.FromSeconds(30) }));
        Assert.Contains("node 0 waits on 'b'", deadlock.Message, StringComparison.Ordinal);
        Assert.Contains("node 1 waits on 'a'", deadlock.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_async_pop_times_out_naming_the_tube()
    {
        using var receiverGaveUp = new ManualResetEventSlim();
        var task = new LambdaTask("pipe", 2, Pipe, (context, token) =>
        {
            if (context.NodeIndex == 0)
            {
                // Keeps running (no deadlock) until the receiver gave up: a fixed sleep could end before a node
                // started late on a loaded machine, and a lone waiting node is then rightly a deadlock.
                receiverGaveUp.Wait(TimeSpan.FromSeconds(30), token);
                return TaskValue.FromInteger(0);
            }

            try
            {
                var late = Assert.Throws<TimeoutException>(() => context.PopAsync("data", TimeSpan.FromMilliseconds(50), token).AsTask().GetAwaiter().GetResult());
                Assert.Contains("tube 'data'", late.Message, StringComparison.Ordinal);
                return TaskValue.FromInteger(1);
            }
            finally
            {
                receiverGaveUp.Set();
            }
        });

        Assert.Equal(1, task.Execute().Results[1].AsInteger());
    }

    [Fact]
    public async Task Execute_returns_to_its_caller_while_the_nodes_run()
    {
        using var gate = new ManualResetEventSlim();
        var task = new LambdaTask("gated", 1, new TubeTopology([]), (_, token) =>
        {
            gate.Wait(token);
            return TaskValue.FromInteger(42);
        });

        var job = new TaskJob(task, task.Plan(Contracts.Options.OptionSchema.Empty.Defaults, 1), 1);
        var running = new LocalTaskRuntime().ExecuteAsync(job, null, CancellationToken.None);
        Assert.False(running.IsCompleted);
        gate.Set();
        var execution = await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(42, execution.Results[0].AsInteger());
    }
}

using System.Diagnostics;
using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>What the runtime's node threads share: results, statistics, and the first failure.</summary>
internal sealed class RunState(int nodeCount)
{
    private readonly object _gate = new();

    public TaskValue[] Results { get; } = new TaskValue[nodeCount];

    public NodeStatistics[] Statistics { get; } = new NodeStatistics[nodeCount];

    public (int Node, Exception Cause)? Failure { get; private set; }

    public TaskDeadlockException? Deadlock { get; private set; }

    /// <summary>Keeps the first real failure; cancellations caused by it are consequences, not causes.</summary>
    public void Fail(int node, Exception cause)
    {
        lock (_gate)
        {
            Failure ??= (node, cause);
        }
    }

    public void Deadlocked(TaskDeadlockException deadlock)
    {
        lock (_gate)
        {
            Deadlock ??= deadlock;
        }
    }
}

/// <summary>Completes when every node thread has signalled, so the runtime awaits them without holding a thread.</summary>
internal sealed class NodesDone(int count)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left = count;

    public Task All => _all.Task;

    public void Signal()
    {
        if (Interlocked.Decrement(ref _left) == 0)
        {
            _all.TrySetResult();
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for the nodes to return after a cancellation.</summary>
    public Task WithinAsync(TimeSpan grace) => Task.WhenAny(All, Task.Delay(grace));
}

/// <summary>The body of one node thread: initialise, run, collect the result, and always report the node as
/// finished so the others' deadlock check and the runtime's wait see it.</summary>
internal sealed class NodeWorker(
    IParallelTask task,
    NodeContext context,
    TaskArguments arguments,
    RunState state,
    ITubeNetwork network,
    ProgressThrottle progress,
    CancellationTokenSource run,
    NodesDone done)
{
    public void Run()
    {
        var node = context.NodeIndex;
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            task.Initialize(context, arguments);
            task.Run(run.Token);
            state.Results[node] = task.GetResult() ?? throw new InvalidOperationException("GetResult returned null");
            succeeded = true;
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Another node failed, the user stopped the run, or it timed out: the cause is recorded elsewhere.
        }
        catch (TaskDeadlockException deadlock)
        {
            state.Deadlocked(deadlock);
            run.Cancel();
        }
        catch (Exception ex)
        {
            state.Fail(node, ex);
            run.Cancel();
        }
        finally
        {
            network.NodeFinished(node);
            var statistics = new NodeStatistics(node, succeeded, Stopwatch.GetElapsedTime(started), context.TubeTime, context.Pushed, context.Popped);
            state.Statistics[node] = statistics;
            try
            {
                progress.Finished(statistics);
            }
            catch (Exception ex)
            {
                state.Fail(node, ex);
            }

            done.Signal();
        }
    }
}

using System.Diagnostics;
using Workbench.Contracts.Randomness;
using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>Runs each node of a task on its own dedicated thread of this process, connected by
/// <see cref="LocalTubeNetwork"/> tubes.</summary>
/// <remarks>Dedicated threads rather than pool tasks because nodes block in pops for long stretches; K pool threads
/// blocked at once would starve the pool. The first node failure cancels all the others and is the error reported.</remarks>
public sealed class LocalTaskRuntime : ITaskRuntime
{
    private readonly TaskRunSettings _settings;
    private readonly TimeProvider _time;

    public LocalTaskRuntime(TaskRunSettings? settings = null, TimeProvider? time = null)
    {
        _settings = settings ?? new TaskRunSettings();
        _time = time ?? TimeProvider.System;
    }

    public async Task<TaskExecution> ExecuteAsync(TaskJob job, ITaskObserver? observer, CancellationToken cancellationToken)
    {
        var taskId = job.TaskId;
        TopologyValidator.Validate(taskId, job.Layout);
        var count = job.Layout.NodeCount;
        var nodes = CreateNodes(job, count);
        var network = new LocalTubeNetwork(taskId, count, job.Layout.Topology);
        var progress = new ProgressThrottle(observer, count, _settings.ProgressInterval, _time);
        // Not disposed on a timeout: a node thread that ignores cancellation may still touch them later.
        var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = new NodesDone(count);
        var state = new RunState(count);
        var started = Stopwatch.GetTimestamp();
        for (var node = 0; node < count; node++)
        {
            var context = new NodeContext(taskId, node, count, Seeds.Derive(job.Seed, "node", (ulong)node), network, job.Layout.Topology, progress, run.Token);
            var worker = new NodeWorker(nodes[node], context, job.Layout.NodeArguments[node], state, network, progress, run, done);
            new Thread(worker.Run) { IsBackground = true, Name = $"wb-task-{taskId}-node-{node}" }.Start();
        }

        bool finished;
        try
        {
            await done.All.WaitAsync(_settings.Timeout ?? System.Threading.Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            finished = true;
        }
        catch (TimeoutException)
        {
            finished = false;
        }
        catch (OperationCanceledException)
        {
            // The nodes see the same cancellation; a node that ignores it is abandoned after the grace.
            await done.WithinAsync(_settings.CancelGrace).ConfigureAwait(false);
            throw;
        }

        if (!finished)
        {
            var waits = network.Snapshot();
            await run.CancelAsync().ConfigureAwait(false);
            await done.WithinAsync(_settings.CancelGrace).ConfigureAwait(false);
            throw new ParallelTaskException(taskId, null, $"task '{taskId}' did not finish within {_settings.Timeout}: {string.Join("; ", waits)}");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        run.Dispose();
        if (state.Failure is (int failedNode, Exception cause))
        {
            throw ParallelTaskException.NodeFailed(taskId, failedNode, count, cause);
        }

        if (state.Deadlock is not null)
        {
            throw new TaskDeadlockException(taskId, state.Deadlock.Waits);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new TaskExecution(state.Results, state.Statistics, elapsed);
    }

    private static IParallelTask[] CreateNodes(TaskJob job, int count)
    {
        var nodes = new IParallelTask[count];
        for (var node = 0; node < count; node++)
        {
            nodes[node] = job.Factory.CreateNode()
                ?? throw new RunSetupException("topology", $"task '{job.TaskId}': node {node} has no task (CreateNode returned null)");
        }

        return nodes;
    }
}

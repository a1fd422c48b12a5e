using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>The async side of the local tubes: a pop that waits on a task instead of a parked thread.</summary>
public sealed partial class LocalTubeNetwork
{
    /// <summary>The async pop: the same checks as <see cref="Pop"/> under the same lock, but the wait is a task that
    /// the next push, the tube's completion or a deadlock completes, so no thread is held while the tube is empty.</summary>
    internal async ValueTask<TaskValue> PopAsync(LocalTube tube, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (TryTakeLocked(tube, out var ready))
            {
                return ready;
            }
        }

        var deadline = timeout is TimeSpan t ? Environment.TickCount64 + (long)Math.Ceiling(t.TotalMilliseconds) : long.MaxValue;
        var node = tube.Link.To;
        try
        {
            while (true)
            {
                Task signal;
                lock (_gate)
                {
                    if (TryTakeLocked(tube, out var value))
                    {
                        return value;
                    }

                    _waitingOn[node] = tube.Link.Name;
                    if (_deadlock is not null || DetectDeadlock())
                    {
                        throw new TaskDeadlockException(_taskId, _deadlock!.Waits);
                    }

                    tube.Waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    signal = tube.Waiter.Task;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    throw TimedOut(tube, timeout!.Value);
                }

                try
                {
                    await signal.WaitAsync(deadline == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(left), cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // The loop takes a value that came at the last moment, or reports the timeout.
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _waitingOn[node] = null;
            }
        }
    }
}

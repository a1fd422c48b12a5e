namespace Workbench.Tui.Cluster;

/// <summary>Runs a probe on a thread-pool thread every <c>period</c>, one at a time (a slow, unreachable peer
/// delays the next probe instead of piling probes up), and at once when woken (after an add or a slot change).</summary>
internal sealed class ProbeLoop(Func<CancellationToken, Task> probe, TimeSpan period, Action<Exception> failed) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private Task? _loop;

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>Probes now rather than at the end of the period.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one probe answers both.
        }
        catch (ObjectDisposedException)
        {
            // The UI is closing.
        }
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await probe(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                // One failed probe is reported; the next one may succeed, so the refreshes go on.
                failed(e);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await _wake.WaitAsync(period, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();

        // A probe in flight ends at its next await; the UI does not wait longer than this to close, and leaves the
        // token and semaphore to the collector when the loop has not ended (disposing them under it would throw there).
        if (_loop is null || _loop.Wait(TimeSpan.FromSeconds(2)))
        {
            _stop.Dispose();
            _wake.Dispose();
        }
    }
}

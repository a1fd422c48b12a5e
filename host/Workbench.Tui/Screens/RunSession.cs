using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Workbench.Tui.Live;
using Workbench.Tui.Views;

namespace Workbench.Tui.Screens;

/// <summary>One run at a time, off the UI thread: planned and run by the Engine exactly as <c>wb run</c> does, with
/// the composition root's recording observers plus the live feed.</summary>
internal sealed class RunSession(TuiServices services, UiThread ui, LivePanel live, Action<string> message)
{
    private CancellationTokenSource? _cancel;

    public bool IsRunning => _cancel is not null;

    /// <summary>Raised on the UI thread when a run has ended and its record is closed.</summary>
    public event Action? Finished;

    public void Start(RunRequest request)
    {
        if (_cancel is not null)
        {
            message("a run is going: F6 stops it");
            return;
        }

        var cancel = new CancellationTokenSource();
        _cancel = cancel;
        live.Clear($"starting {request.AlgorithmId} on {request.ProblemId} (seed {request.Seed})...");
        var feed = new LiveRunFeed(ui.Post, live.Show);
        _ = Task.Run(async () =>
        {
            try
            {
                using var run = new RunPlanner(services.Catalog, services.Evaluators).Prepare(request);
                feed.Spread = run.Evaluator as IReportingEvaluator;
                var observers = services.Recorders(run.Description).Append(feed).ToList();
                var summary = await RunLoop.RunAsync(run, observers, cancel.Token);
                foreach (var disposable in observers.OfType<IDisposable>())
                {
                    disposable.Dispose();
                }

                ui.Post(() =>
                {
                    message(summary.Error is null
                        ? $"run {summary.RunId[..8]} {summary.Status.ToString().ToLowerInvariant()} ({summary.StopReason}), best {summary.BestFitness:G6}"
                        : $"run failed: {summary.Error}");
                    Finished?.Invoke();
                });
            }
            catch (Exception ex)
            {
                // Setup errors (a bad option, a plugin that throws while created) are shown, never thrown at the UI.
                ui.Post(() =>
                {
                    live.Clear("run not started");
                    message($"cannot start: {ex.Message}");
                });
            }
            finally
            {
                // Not disposed: Stop may still be reaching for it on the UI thread, and it holds no timer.
                ui.Post(() => _cancel = null);
            }
        });
    }

    public void Stop()
    {
        if (_cancel is null)
        {
            message("no run is going");
            return;
        }

        _cancel.Cancel();
        message("stopping...");
    }

    /// <summary>Cancels a run on exit and waits briefly so its record is closed as interrupted.</summary>
    public void CancelOnExit() => _cancel?.Cancel();
}

using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Tui.Live;

/// <summary>What the Run screen shows of a live run at one moment.</summary>
public sealed record LiveSnapshot(
    RunDescription? Run,
    IterationRecord? Latest,
    IReadOnlyList<(double X, double Y)> Curve,
    double EvaluationsPerSecond,
    RunSummary? Finished)
{
    /// <summary>With peers: how many are up and each place's share of the evaluations so far; else null.</summary>
    public string? Spread { get; init; }
}

/// <summary>The run observer behind the live plot and numbers. It runs on the run's thread, keeps the newest record
/// and a bounded curve, and lets an <see cref="UpdateThrottle"/> hand the UI a snapshot at most ~10 times a second,
/// so a run of millions of fast iterations never floods the UI's event queue.</summary>
public sealed class LiveRunFeed : IRunObserver
{
    private readonly object _gate = new();
    private readonly ConvergenceSeries _curve = new();
    private readonly Action<LiveSnapshot> _deliver;
    private readonly UpdateThrottle _throttle;
    private RunDescription? _run;
    private IterationRecord? _latest;
    private RunSummary? _finished;

    /// <param name="post">Runs an action on the UI thread (the application's Invoke).</param>
    /// <param name="deliver">Receives each snapshot on the UI thread.</param>
    public LiveRunFeed(Action<Action> post, Action<LiveSnapshot> deliver, TimeSpan? interval = null, TimeProvider? time = null)
    {
        _deliver = deliver;
        _throttle = new UpdateThrottle(post, Flush, interval, time);
    }

    public int Posts => _throttle.Posts;

    /// <summary>The run's evaluator when it spreads work over peers, so the snapshot can show each one's share.</summary>
    public IReportingEvaluator? Spread { get; set; }

    public void OnRunStarted(RunDescription run)
    {
        lock (_gate)
        {
            _run = run;
        }

        _throttle.Signal(force: true);
    }

    public void OnIteration(IterationRecord record)
    {
        lock (_gate)
        {
            _latest = record;
            _curve.Add(record.Evaluations, record.BestSoFar);
        }

        _throttle.Signal();
    }

    public void OnRunFinished(RunSummary summary)
    {
        lock (_gate)
        {
            _finished = summary;
        }

        _throttle.Signal(force: true);
    }

    private void Flush()
    {
        LiveSnapshot snapshot;
        lock (_gate)
        {
            var rate = _latest is { ElapsedSeconds: > 0 } l ? l.Evaluations / l.ElapsedSeconds : 0;
            snapshot = new LiveSnapshot(_run, _latest, _curve.Points(), rate, _finished) { Spread = SpreadText(Spread) };
        }

        _deliver(snapshot);
    }

    private static string? SpreadText(IReportingEvaluator? spread)
    {
        if (spread is null)
        {
            return null;
        }

        var report = spread.Report();
        var total = Math.Max(1, report.Shares.Sum(s => s.Evaluations));
        return spread.Status + ": " + string.Join("  ", report.Shares.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Name} {100.0 * s.Evaluations / total:F0}%")));
    }
}

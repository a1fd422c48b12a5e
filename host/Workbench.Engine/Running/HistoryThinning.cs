namespace Workbench.Engine.Running;

/// <summary>Passes a run's iterations on to a recorder, thinned: every one of the first
/// <see cref="KeepFirst"/>, every iteration where the best so far improves, and of the rest only those at
/// geometrically spaced iteration numbers (each at least <see cref="Spacing"/> times the last kept), plus the last
/// one. The best-so-far curve is exact: it only changes at an improvement, and every improvement is kept.</summary>
/// <remarks>A 10-second PSO run makes millions of iterations; kept whole its history ran to 242 MB. Thinned, the
/// stored rows grow with the number of improvements and the logarithm of the iteration count.</remarks>
public sealed class HistoryThinning(IRunObserver inner) : IRunObserver
{
    public const int KeepFirst = 1000;

    public const double Spacing = 1.01;

    private double _best = double.PositiveInfinity;
    private double _nextKept;
    private IterationRecord? _skipped;

    public void OnRunStarted(RunDescription run)
    {
        (_best, _nextKept, _skipped) = (double.PositiveInfinity, KeepFirst, null);
        inner.OnRunStarted(run);
    }

    public void OnIteration(IterationRecord record)
    {
        var improved = record.BestSoFar < _best;
        _best = Math.Min(_best, record.BestSoFar);
        if (record.Iteration <= KeepFirst || improved || record.Iteration >= _nextKept)
        {
            _nextKept = Math.Max(_nextKept, record.Iteration * Spacing);
            _skipped = null;
            inner.OnIteration(record);
            return;
        }

        _skipped = record;
    }

    /// <summary>The last iteration is always stored, so the history ends where the run did.</summary>
    public void OnRunFinished(RunSummary summary)
    {
        if (_skipped is { } last)
        {
            _skipped = null;
            inner.OnIteration(last);
        }

        inner.OnRunFinished(summary);
    }
}

namespace Workbench.Engine.Running;

/// <summary>What a recorder keeps of a run's iterations: <see cref="Thinned"/> (the default, bounded in size) or
/// <see cref="Full"/> (every iteration).</summary>
public enum HistoryKeeping
{
    Thinned,
    Full,
}

/// <summary>Passes a run's iterations on to a recorder, thinned and capped in size. Until three quarters of the row
/// budget are used: every one of the first <see cref="KeepFirst"/>, every iteration where the best so far improves,
/// and of the rest only those at geometrically spaced iteration numbers (each at least <see cref="Spacing"/> times
/// the last kept). After that only improvements are kept, each at least a tail spacing (derived from the budget left)
/// times the last kept. At the end the latest improvement not kept (the final best, at the iteration that reached it)
/// and the last iteration are added. Up to the cap the best-so-far curve is exact; past it every stored value is
/// still exact, and an improvement between two stored ones is shown at the later one.</summary>
/// <remarks>A 10-second PSO run makes millions of iterations; kept whole its history ran to 242 MB. Rows already
/// handed on are on disk and are never taken back, so the cap is kept online: the tail spacing is chosen so that
/// even a run reaching <see cref="long.MaxValue"/> iterations stays within the rows reserved for the tail.</remarks>
public sealed class HistoryThinning(IRunObserver inner, long maxBytes = HistoryThinning.DefaultMaxBytes) : IRunObserver
{
    public const int KeepFirst = 1000;

    public const double Spacing = 1.01;

    /// <summary>The default bound on a run's stored history: 2 MB.</summary>
    public const long DefaultMaxBytes = 2_000_000;

    /// <summary>ln(long.MaxValue) ≈ 43.7, rounded up: the most e-folds of iteration count a tail can span.</summary>
    private const double MaxLogIterations = 44;

    private double _best = double.PositiveInfinity;
    private double _nextKept;
    private double _nextTail;
    private long _kept;
    private long _openRows;
    private double _tailSpacing;
    private IterationRecord? _skipped;
    private IterationRecord? _skippedImprovement;

    /// <summary>The rows a run may store within <paramref name="maxBytes"/>: six 8-byte columns plus one per extra,
    /// packed; a tenth is left for the chunks' own fields and the store's pages.</summary>
    public static long RowBudget(long maxBytes, int extras) => Math.Max(64, (long)(0.9 * maxBytes / (8.0 * (6 + extras))));

    public void OnRunStarted(RunDescription run)
    {
        (_best, _nextKept, _nextTail, _kept, _openRows, _skipped, _skippedImprovement) = (double.PositiveInfinity, KeepFirst, 0, 0, 0, null, null);
        inner.OnRunStarted(run);
    }

    public void OnIteration(IterationRecord record)
    {
        if (_openRows == 0)
        {
            // Sized from the first row's width: the budget is in bytes, and extras widen every row.
            var budget = RowBudget(maxBytes, record.Extras.Length);
            _openRows = budget * 3 / 4;
            var tailRows = budget - _openRows - 3; // 3: the first tail row, and the two added at the end
            _tailSpacing = Math.Exp(MaxLogIterations / tailRows);
        }

        var improved = record.BestSoFar < _best;
        _best = Math.Min(_best, record.BestSoFar);
        if (_kept < _openRows)
        {
            if (record.Iteration <= KeepFirst || improved || record.Iteration >= _nextKept)
            {
                Keep(record);
                return;
            }
        }
        else if (improved && record.Iteration >= _nextTail)
        {
            Keep(record);
            return;
        }

        _skipped = record;
        _skippedImprovement = improved ? record : _skippedImprovement;
    }

    /// <summary>The final best (where it was reached) and the last iteration are always stored, so the history ends
    /// where the run did, with the run's best.</summary>
    public void OnRunFinished(RunSummary summary)
    {
        if (_skippedImprovement is { } improvement && !ReferenceEquals(improvement, _skipped))
        {
            inner.OnIteration(improvement);
        }

        if (_skipped is { } last)
        {
            inner.OnIteration(last);
        }

        (_skipped, _skippedImprovement) = (null, null);
        inner.OnRunFinished(summary);
    }

    private void Keep(IterationRecord record)
    {
        inner.OnIteration(record);
        _kept++;
        _nextKept = Math.Max(_nextKept, record.Iteration * Spacing);
        _nextTail = record.Iteration * _tailSpacing;
        (_skipped, _skippedImprovement) = (null, null);
    }
}

namespace Workbench.Algorithms.CmaEs;

/// <summary>pycma-like termination criteria of one run. A reason is a run's own end; whether the optimiser
/// restarts or stops is decided by the caller.</summary>
internal sealed class Termination
{
    private readonly CmaSettings _settings;
    private readonly double _sigma0;
    private readonly History _recentBest;
    private readonly History _stagnationBest;
    private readonly History _stagnationMedian;
    private readonly double[] _scratch;

    public Termination(CmaSettings settings, StrategyParameters p, double sigma0)
    {
        _settings = settings;
        _sigma0 = sigma0;
        var n = p.N;
        // pycma: the tolfun history spans 10 + 30n/λ iterations; stagnation is judged over
        // 100 + 100 n^1.5 / λ iterations (its tolstagnation default), at least 120 + 30n/λ (Hansen 2009).
        _recentBest = new History(10 + (int)Math.Ceiling(30.0 * n / p.Lambda));
        var window = (int)Math.Max(100 + (100 * Math.Pow(n, 1.5) / p.Lambda), 120 + (30.0 * n / p.Lambda));
        _stagnationBest = new History(window);
        _stagnationMedian = new History(window);
        _scratch = new double[window];
    }

    /// <summary>Records a generation's best and median fitness (undone by <see cref="UndoRecord"/>).</summary>
    public void Record(double best, double median)
    {
        _recentBest.Push(best);
        _stagnationBest.Push(best);
        _stagnationMedian.Push(median);
    }

    public void UndoRecord()
    {
        _recentBest.UndoPush();
        _stagnationBest.UndoPush();
        _stagnationMedian.UndoPush();
    }

    /// <summary>The first criterion met after an update, or null.</summary>
    public string? Check(CmaRun run, double generationRange)
    {
        var n = run.Parameters.N;
        var sigma = run.Sigma;
        if (_recentBest.IsFull && generationRange < _settings.TolFun && _recentBest.Range() < _settings.TolFun)
        {
            return "tolfun";
        }

        if (!double.IsFinite(sigma) || !AllFinite(run.Mean))
        {
            return "numerics";
        }

        if (TolX(run))
        {
            return "tolx";
        }

        if (sigma / _sigma0 > _settings.TolUpSigma * run.MaxD)
        {
            return "tolupsigma";
        }

        var ratio = run.MaxD / run.MinD;
        if (ratio * ratio > _settings.TolConditionCov)
        {
            return "conditioncov";
        }

        if (NoEffectAxis(run, run.Iteration % n))
        {
            return "noeffectaxis";
        }

        for (var i = 0; i < n; i++)
        {
            var m = run.Mean[i];
            if (m == m + (0.2 * run.CoordinateStd(i)))
            {
                return "noeffectcoord";
            }
        }

        return Stagnated() ? "tolstagnation" : null;
    }

    private bool TolX(CmaRun run)
    {
        for (var i = 0; i < run.Parameters.N; i++)
        {
            if (run.CoordinateStd(i) >= _settings.TolX ||
                run.Sigma * run.Scaling[i] * Math.Abs(run.Pc[i]) >= _settings.TolX)
            {
                return false;
            }
        }

        return true;
    }

    private static bool NoEffectAxis(CmaRun run, int axis)
    {
        var n = run.Parameters.N;
        var scale = 0.1 * run.Sigma * run.D[axis];
        for (var i = 0; i < n; i++)
        {
            var m = run.Mean[i];
            if (m != m + (scale * run.Scaling[i] * run.B[(i * n) + axis]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Hansen (2009): stagnation when, in both the best and the median history, the median of the
    /// most recent 30% is no better than the median of the oldest 30%.</summary>
    private bool Stagnated()
    {
        if (!_stagnationBest.IsFull)
        {
            return false;
        }

        var w = _stagnationBest.Capacity;
        var part = Math.Max(1, (int)(0.3 * w));
        return _stagnationBest.Median(0, part, _scratch) >= _stagnationBest.Median(w - part, part, _scratch) &&
               _stagnationMedian.Median(0, part, _scratch) >= _stagnationMedian.Median(w - part, part, _scratch);
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}

using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Randomness;

namespace Workbench.Algorithms.CmaEs;

/// <summary>The ask/tell face of CMA-ES: samples a generation, ranks it, updates the run, and restarts the
/// run (IPOP/BIPOP) when one of its termination criteria fires.</summary>
/// <remarks>Every run k draws from its own stream, <c>Seeds.Derive(seed, "restart", k)</c>: its start point
/// (unless x0 is given for run 0), its BIPOP draw and all its samples.</remarks>
public sealed partial class CmaEsOptimizer : IOptimizer, IMigrationSupport
{
    // min-std and max-std are the real per-coordinate spreads σ·s_i·sqrt(C_ii) (as pycma displays them): under the
    // standard-deviation cap σ alone can grow while the spread stays bounded.
    private static readonly string[] Extras = ["sigma", "restart", "lambda", "axis-ratio", "min-std", "max-std"];

    private readonly CmaSettings _settings;
    private readonly ulong _seed;
    private readonly BoundTransform _transform;
    private readonly RestartSchedule _schedule;
    private readonly double[] _start;
    private readonly double[] _bestPoint;
    private RandomStream _rng = null!;
    private CmaRun _run = null!;
    private Termination _termination = null!;
    private Generation _generation = null!;
    private bool _asked;
    private bool _told;
    private bool _restartPending;
    private long _runEvaluations;

    internal CmaEsOptimizer(CmaSettings settings, ulong seed)
    {
        _settings = settings;
        _seed = seed;
        _transform = new BoundTransform(settings.Bounds);
        _schedule = new RestartSchedule(settings);
        _start = new double[settings.Dimension];
        _bestPoint = new double[settings.Dimension];
        StartRun(new RandomStream(Seeds.Derive(seed, "restart", 0)), _schedule.Current);
    }

    public int Dimension => _settings.Dimension;

    public double BestFitness { get; private set; } = double.PositiveInfinity;

    public ReadOnlySpan<double> BestPoint => _told ? _bestPoint : [];

    public string? StopReason { get; private set; }

    public IReadOnlyList<string> ExtraNames => Extras;

    /// <summary>The reason the latest run ended, restarted or not (null while it runs).</summary>
    internal string? LastRunReason { get; private set; }

    internal RestartSchedule Schedule => _schedule;

    internal int Lambda => _generation.Lambda;

    public ReadOnlyMemory<double> Ask()
    {
        if (_asked)
        {
            throw new InvalidOperationException("Ask was called twice without Tell.");
        }

        if (_restartPending)
        {
            _restartPending = false;
            var rng = new RandomStream(Seeds.Derive(_seed, "restart", (ulong)_schedule.Restarts + 1));
            StartRun(rng, _schedule.Next(rng));
        }

        _run.RefreshEigenIfDue();
        var g = _generation;
        for (var k = 0; k < g.Lambda; k++)
        {
            _run.Sample(_rng, g.Step(k), g.Genotype(k));
            _transform.ToBounds(g.Genotype(k), g.Point(k));
        }

        _asked = true;
        return new ReadOnlyMemory<double>(g.Points, 0, g.Lambda * g.N);
    }

    public void Tell(ReadOnlySpan<double> fitness)
    {
        if (!_asked)
        {
            throw new InvalidOperationException("Tell was called without a preceding Ask.");
        }

        var g = _generation;
        if (fitness.Length != g.Lambda)
        {
            throw new ArgumentException($"Expected {g.Lambda} fitness values but got {fitness.Length}.", nameof(fitness));
        }

        fitness.CopyTo(g.Fitness);
        _asked = false;
        _runEvaluations += g.Lambda;
        _schedule.Charge(g.Lambda);
        ApplyGeneration();
        _told = true;
    }

    public void GetExtras(Span<double> values)
    {
        values[0] = _run.Sigma;
        values[1] = _schedule.Restarts;
        values[2] = _generation.Lambda;
        values[3] = _run.MaxD / _run.MinD;
        double min = double.PositiveInfinity, max = 0;
        for (var i = 0; i < Dimension; i++)
        {
            var std = _run.CoordinateStd(i);
            min = Math.Min(min, std);
            max = Math.Max(max, std);
        }

        values[4] = min;
        values[5] = max;
    }

    /// <summary>Ranks the generation, keeps the best ever, updates the run and decides on its end.</summary>
    private void ApplyGeneration()
    {
        var g = _generation;
        g.Rank();
        var best = g.Order[0];
        if (!_told || g.Sorted[0] < BestFitness)
        {
            BestFitness = g.Sorted[0];
            g.Point(best).CopyTo(_bestPoint);
        }

        _run.Update(g.Steps, g.Order);
        _termination.Record(g.Sorted[0], g.Median);
        var reason = _termination.Check(_run, g.Sorted[g.Lambda - 1] - g.Sorted[0]);
        if (reason is null && _runEvaluations >= _schedule.Current.MaxEvaluations)
        {
            reason = "maxfevals";
        }

        LastRunReason = reason;
        _restartPending = reason is not null && _schedule.CanRestart;
        StopReason = _restartPending ? null : reason;
    }

    /// <summary>Starts run k = <c>_schedule.Restarts</c>; <paramref name="rng"/> is its own stream (a BIPOP
    /// plan has already drawn from it).</summary>
    private void StartRun(RandomStream rng, RunPlan plan)
    {
        var n = _settings.Dimension;
        _rng = rng;
        if (_schedule.Restarts == 0 && _settings.X0 is double[] x0)
        {
            x0.CopyTo(_start, 0);
        }
        else
        {
            var bounds = _settings.Bounds;
            for (var i = 0; i < n; i++)
            {
                _start[i] = _rng.NextDouble(bounds.Lower[i], bounds.Upper[i]);
            }
        }

        var mean = new double[n];
        _transform.FromBounds(_start, mean);
        var p = new StrategyParameters(n, plan.Lambda, _settings.Mu is int mu ? Math.Min(mu, plan.Lambda) : null, _settings.Active);
        _run = new CmaRun(p, mean, plan.Sigma0, _settings.MaxStd);
        _termination = new Termination(_settings, p, plan.Sigma0);
        if (_generation is null || _generation.Lambda != plan.Lambda)
        {
            _generation = new Generation(plan.Lambda, n);
        }

        _runEvaluations = 0;
        LastRunReason = null;
    }
}

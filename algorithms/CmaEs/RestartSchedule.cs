using Workbench.Contracts.Randomness;

namespace Workbench.Algorithms.CmaEs;

/// <summary>Which population regime a run belongs to (BIPOP); IPOP and single runs are all "large".</summary>
internal enum Regime
{
    Large,
    Small,
}

/// <summary>Population size, initial step size and evaluation cap of one run.</summary>
internal readonly record struct RunPlan(int Lambda, double Sigma0, Regime Regime, long MaxEvaluations);

/// <summary>Plans the runs of IPOP (Auger and Hansen 2005) and BIPOP (Hansen 2009) restarts.</summary>
internal sealed class RestartSchedule
{
    private readonly CmaSettings _settings;
    private long _largeEvaluations;
    private long _smallEvaluations;
    private int _largeRuns;

    public RestartSchedule(CmaSettings settings)
    {
        _settings = settings;
        Current = new RunPlan(settings.DefaultLambda, settings.Sigma0, Regime.Large, long.MaxValue);
        _largeRuns = 1;
    }

    public RunPlan Current { get; private set; }

    /// <summary>Restarts made so far (0 during the first run).</summary>
    public int Restarts { get; private set; }

    public bool CanRestart => _settings.Restarts != RestartStrategy.None && Restarts < _settings.MaxRestarts;

    public long LargeEvaluations => _largeEvaluations;

    public long SmallEvaluations => _smallEvaluations;

    /// <summary>Charges evaluations of the current run to its regime's budget.</summary>
    public void Charge(long evaluations)
    {
        if (Current.Regime == Regime.Large)
        {
            _largeEvaluations += evaluations;
        }
        else
        {
            _smallEvaluations += evaluations;
        }
    }

    /// <summary>Plans the next run; <paramref name="rng"/> is that run's own stream.</summary>
    public RunPlan Next(RandomStream rng)
    {
        Restarts++;
        var lambda0 = _settings.DefaultLambda;
        if (_settings.Restarts == RestartStrategy.Bipop && _smallEvaluations < _largeEvaluations)
        {
            // λ_s = ⌊λ_def (½ λ_l/λ_def)^(U²)⌋ with λ_l the size of the next large run, λ_def·2^(large runs
            // so far, the first included), so that λ_def <= λ_s <= λ_l/2; σ0·10^(-2U) makes small runs local. A small run may spend at most what keeps
            // the small regime's total at the large one's (as pycma's bipop does).
            var u = rng.NextDouble();
            var largeLambda = lambda0 * Math.Pow(2, _largeRuns);
            var lambda = (int)Math.Floor(lambda0 * Math.Pow(0.5 * largeLambda / lambda0, u * u));
            var sigma = _settings.Sigma0 * Math.Pow(10, -2 * u);
            Current = new RunPlan(Math.Max(2, lambda), sigma, Regime.Small, _largeEvaluations - _smallEvaluations);
        }
        else
        {
            // Large regime (all of IPOP): double λ each time, as pycma's incpopsize = 2.
            var lambda = (long)lambda0 << Math.Min(_largeRuns, 20);
            _largeRuns++;
            Current = new RunPlan((int)Math.Min(lambda, 1 << 24), _settings.Sigma0, Regime.Large, long.MaxValue);
        }

        return Current;
    }
}

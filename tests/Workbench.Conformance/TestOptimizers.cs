using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Randomness;

namespace Workbench.Conformance;

/// <summary>A tiny (1+λ) evolution strategy: enough to exercise the run loop with a real, seeded optimiser.</summary>
public sealed class TinyEs : IOptimizer
{
    private readonly ProblemInfo _problem;
    private readonly RandomStream _random;
    private readonly double[] _batch;
    private readonly double[] _parent;
    private readonly double[] _best;
    private readonly int _lambda;
    private readonly string? _stopAfter;
    private readonly int _stopIteration;
    private double _sigma;
    private double _parentFitness = double.PositiveInfinity;
    private int _iteration;

    public TinyEs(ProblemInfo problem, ulong seed, int lambda, string? stopAfter = null, int stopIteration = 0)
    {
        _problem = problem;
        _random = new RandomStream(seed);
        _lambda = lambda;
        _batch = new double[lambda * problem.Dimension];
        _parent = new double[problem.Dimension];
        _best = new double[problem.Dimension];
        _stopAfter = stopAfter;
        _stopIteration = stopIteration;
        for (var j = 0; j < problem.Dimension; j++)
        {
            _parent[j] = _random.NextDouble(problem.Bounds.Lower[j], problem.Bounds.Upper[j]);
        }

        _sigma = 0.3 * problem.Bounds.Width(0);
    }

    public int Dimension => _problem.Dimension;

    public double BestFitness { get; private set; } = double.PositiveInfinity;

    public ReadOnlySpan<double> BestPoint => BestFitness < double.PositiveInfinity ? _best : [];

    public string? StopReason => _stopAfter is not null && _iteration >= _stopIteration ? _stopAfter : null;

    public IReadOnlyList<string> ExtraNames { get; } = ["sigma"];

    public void GetExtras(Span<double> values) => values[0] = _sigma;

    public ReadOnlyMemory<double> Ask()
    {
        var d = Dimension;
        for (var i = 0; i < _lambda; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var x = _parent[j] + (_sigma * _random.NextGaussian());
                _batch[(i * d) + j] = Math.Clamp(x, _problem.Bounds.Lower[j], _problem.Bounds.Upper[j]);
            }
        }

        return _batch;
    }

    public void Tell(ReadOnlySpan<double> fitness)
    {
        _iteration++;
        var improved = false;
        for (var i = 0; i < fitness.Length; i++)
        {
            if (fitness[i] < _parentFitness)
            {
                _parentFitness = fitness[i];
                _batch.AsSpan(i * Dimension, Dimension).CopyTo(_parent);
                improved = true;
            }
        }

        // The 1/5th success rule, coarsely: enough to converge on a sphere.
        _sigma *= improved ? 1.5 : 0.82;
        if (_parentFitness < BestFitness)
        {
            BestFitness = _parentFitness;
            _parent.CopyTo(_best, 0);
        }
    }
}

public sealed class TinyEsFactory : OptimizerFactory<TinyEsFactory.TinyEsOptions>
{
    public sealed class TinyEsOptions
    {
        [Option("lambda", "Offspring per iteration", Min = 1)]
        public int Lambda { get; init; } = 8;

        [Option("stop-after", "Report this stop reason after stop-iteration iterations")]
        public string StopAfter { get; init; } = "";

        [Option("stop-iteration", "When to report stop-after", Min = 0)]
        public int StopIteration { get; init; }

        [Option("throw-on-tell", "Throw from Tell (to test error attribution)")]
        public bool ThrowOnTell { get; init; }

        [Option("slow-ask-from", "From this Ask on (1 = the first), each Ask takes slow-ask-seconds longer; 0 = never (to test the time limit)", Min = 0)]
        public int SlowAskFrom { get; init; }

        [Option("slow-ask-seconds", "How long a slow Ask blocks its thread, like a huge batch being made", Min = 0)]
        public double SlowAskSeconds { get; init; }
    }

    public override string Id => "tiny-es";

    public override string Description => "A (1+λ) evolution strategy for tests";

    protected override IOptimizer Create(ProblemInfo problem, TinyEsOptions options, ulong seed)
    {
        var es = new TinyEs(problem, seed, options.Lambda, options.StopAfter.Length == 0 ? null : options.StopAfter, options.StopIteration);
        IOptimizer optimizer = options.ThrowOnTell ? new ThrowingOptimizer(es) : es;
        return options.SlowAskFrom > 0 ? new SlowAskOptimizer(optimizer, options.SlowAskFrom, TimeSpan.FromSeconds(options.SlowAskSeconds)) : optimizer;
    }

    private sealed class SlowAskOptimizer(IOptimizer inner, int from, TimeSpan delay) : IOptimizer
    {
        private int _asks;

        public int Dimension => inner.Dimension;

        public double BestFitness => inner.BestFitness;

        public ReadOnlySpan<double> BestPoint => inner.BestPoint;

        public string? StopReason => inner.StopReason;

        public IReadOnlyList<string> ExtraNames => inner.ExtraNames;

        public void GetExtras(Span<double> values) => inner.GetExtras(values);

        public ReadOnlyMemory<double> Ask()
        {
            if (++_asks >= from)
            {
                // Blocking on purpose: a batch being computed holds its thread, and the run must not wait for it.
                Thread.Sleep(delay);
            }

            return inner.Ask();
        }

        public void Tell(ReadOnlySpan<double> fitness) => inner.Tell(fitness);
    }

    private sealed class ThrowingOptimizer(IOptimizer inner) : IOptimizer
    {
        public int Dimension => inner.Dimension;

        public double BestFitness => inner.BestFitness;

        public ReadOnlySpan<double> BestPoint => inner.BestPoint;

        public string? StopReason => null;

        public IReadOnlyList<string> ExtraNames => inner.ExtraNames;

        public void GetExtras(Span<double> values) => inner.GetExtras(values);

        public ReadOnlyMemory<double> Ask() => inner.Ask();

        public void Tell(ReadOnlySpan<double> fitness) => throw new InvalidOperationException("covariance exploded");
    }
}

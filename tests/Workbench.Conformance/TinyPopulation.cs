using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Randomness;

namespace Workbench.Conformance;

/// <summary>A tiny (μ+μ) evolution strategy with migration support, for island-model tests: its population is
/// kept sorted best first, so CopyBest and ReplaceWorst are easy to reason about.</summary>
public sealed class TinyPopulation : IOptimizer, IMigrationSupport
{
    private readonly ProblemInfo _problem;
    private readonly RandomStream _random;
    private readonly int _size;
    private readonly double[] _points;
    private readonly double[] _fitness;
    private readonly double[] _offspring;
    private double _sigma;
    private bool _started;
    private bool _awaitingTell;

    public TinyPopulation(ProblemInfo problem, ulong seed, int size)
    {
        _problem = problem;
        _random = new RandomStream(seed);
        _size = size;
        _points = new double[size * problem.Dimension];
        _fitness = new double[size];
        _offspring = new double[size * problem.Dimension];
        _sigma = 0.1 * problem.Bounds.Width(0);
    }

    public int Dimension => _problem.Dimension;

    public int PopulationSize => _size;

    /// <summary>The population, best first (row-major), and its fitness.</summary>
    public ReadOnlySpan<double> Points => _points;

    public ReadOnlySpan<double> Fitness => _fitness;

    public double BestFitness => _started ? _fitness[0] : double.PositiveInfinity;

    public ReadOnlySpan<double> BestPoint => _started ? _points.AsSpan(0, Dimension) : [];

    public string? StopReason => null;

    public IReadOnlyList<string> ExtraNames { get; } = ["sigma"];

    public void GetExtras(Span<double> values) => values[0] = _sigma;

    public ReadOnlyMemory<double> Ask()
    {
        if (_awaitingTell)
        {
            throw new InvalidOperationException("Ask twice");
        }

        _awaitingTell = true;
        var d = Dimension;
        var bounds = _problem.Bounds;
        for (var i = 0; i < _size; i++)
        {
            for (var j = 0; j < d; j++)
            {
                _offspring[(i * d) + j] = _started
                    ? Math.Clamp(_points[(i * d) + j] + (_sigma * _random.NextGaussian()), bounds.Lower[j], bounds.Upper[j])
                    : _random.NextDouble(bounds.Lower[j], bounds.Upper[j]);
            }
        }

        return _offspring;
    }

    public void Tell(ReadOnlySpan<double> fitness)
    {
        if (!_awaitingTell || fitness.Length != _size)
        {
            throw new InvalidOperationException("Tell out of turn or of the wrong size");
        }

        _awaitingTell = false;
        var d = Dimension;
        var all = new List<(double F, double[] X)>(2 * _size);
        for (var i = 0; i < _size; i++)
        {
            all.Add((fitness[i], _offspring.AsSpan(i * d, d).ToArray()));
            if (_started)
            {
                all.Add((_fitness[i], _points.AsSpan(i * d, d).ToArray()));
            }
        }

        _started = true;
        _sigma *= 0.97;
        Keep(all);
    }

    public void CopyBest(Span<double> points, Span<double> fitness)
    {
        _fitness.AsSpan(0, fitness.Length).CopyTo(fitness);
        _points.AsSpan(0, fitness.Length * Dimension).CopyTo(points);
    }

    public void ReplaceWorst(ReadOnlySpan<double> points, ReadOnlySpan<double> fitness)
    {
        var d = Dimension;
        var all = new List<(double F, double[] X)>(_size);
        for (var i = 0; i < _size - fitness.Length; i++)
        {
            all.Add((_fitness[i], _points.AsSpan(i * d, d).ToArray()));
        }

        for (var i = 0; i < fitness.Length; i++)
        {
            all.Add((fitness[i], points.Slice(i * d, d).ToArray()));
        }

        Keep(all);
    }

    /// <summary>Keeps the best <c>size</c>, sorted; the stable sort keeps earlier entries first on ties.</summary>
    private void Keep(List<(double F, double[] X)> all)
    {
        var kept = all.OrderBy(e => e.F).Take(_size).ToArray();
        for (var i = 0; i < kept.Length; i++)
        {
            _fitness[i] = kept[i].F;
            kept[i].X.CopyTo(_points, i * Dimension);
        }
    }
}

public sealed class TinyPopulationFactory : OptimizerFactory<TinyPopulationFactory.TinyPopulationOptions>
{
    public sealed class TinyPopulationOptions
    {
        [Option("population", "Individuals", Min = 2)]
        public int Population { get; init; } = 20;
    }

    public override string Id => "tiny-pop";

    public override string Description => "A (mu+mu) evolution strategy with migration support, for tests";

    protected override IOptimizer Create(ProblemInfo problem, TinyPopulationOptions options, ulong seed) =>
        new TinyPopulation(problem, seed, options.Population);
}

using Workbench.Contracts;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;

[assembly: WorkbenchPlugin("myoptimizer", WorkbenchContract.Version, Description = "A local random search", Authors = "me")]

namespace MyOptimizer;

public sealed class MyOptimizerOptions
{
    [Option("batch-size", "Points asked per iteration", Min = 1)]
    public int BatchSize { get; init; } = 16;

    [Option("step", "Initial step as a share of each coordinate's range", Min = 0, Max = 1, MinExclusive = true)]
    public double Step { get; init; } = 0.3;
}

public sealed class MyOptimizerFactory : OptimizerFactory<MyOptimizerOptions>
{
    public override string Id => "myoptimizer";

    public override string Description => "samples around the best point so far, shrinking the step when a batch does not improve";

    protected override IOptimizer Create(ProblemInfo problem, MyOptimizerOptions options, ulong seed) =>
        new LocalSearch(problem.Bounds, options.BatchSize, options.Step, seed);
}

/// <summary>Rules kept here, and checked by the conformance kit: Ask and Tell alternate strictly, every asked point
/// is inside the bounds (clamped), and all randomness comes from the seed.</summary>
public sealed class LocalSearch(Bounds bounds, int batchSize, double step, ulong seed) : IOptimizer
{
    private readonly RandomStream _random = new(seed);
    private readonly double[] _batch = new double[batchSize * bounds.Dimension];
    private readonly double[] _best = new double[bounds.Dimension];
    private double _step = step;
    private bool _asked;
    private bool _hasBest;

    public int Dimension => bounds.Dimension;

    public double BestFitness { get; private set; } = double.PositiveInfinity;

    public ReadOnlySpan<double> BestPoint => _hasBest ? _best : [];

    public string? StopReason => _step < 1e-12 ? "step below 1e-12" : null;

    public IReadOnlyList<string> ExtraNames => ["step"];

    public void GetExtras(Span<double> values) => values[0] = _step;

    public ReadOnlyMemory<double> Ask()
    {
        if (_asked)
        {
            throw new InvalidOperationException("Ask was called twice without a Tell in between.");
        }

        var d = Dimension;
        for (var i = 0; i < _batch.Length; i++)
        {
            var c = i % d;
            var (lower, upper) = (bounds.Lower[c], bounds.Upper[c]);
            var x = _hasBest ? _best[c] + (_step * (upper - lower) * _random.NextGaussian()) : _random.NextDouble(lower, upper);
            _batch[i] = Math.Clamp(x, lower, upper);
        }

        _asked = true;
        return _batch;
    }

    public void Tell(ReadOnlySpan<double> fitness)
    {
        if (!_asked)
        {
            throw new InvalidOperationException("Tell was called without an Ask before it.");
        }

        _asked = false;
        var improved = false;
        for (var i = 0; i < fitness.Length; i++)
        {
            if (fitness[i] < BestFitness)
            {
                BestFitness = fitness[i];
                _batch.AsSpan(i * Dimension, Dimension).CopyTo(_best);
                _hasBest = improved = true;
            }
        }

        _step *= improved ? 1.0 : 0.7;
    }
}

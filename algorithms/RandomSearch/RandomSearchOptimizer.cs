using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;

namespace Workbench.Algorithms.RandomSearch;

/// <summary>Samples each batch uniformly in the bounds, independent of all fitness told so far.</summary>
/// <remarks>No <see cref="IMigrationSupport"/>: there is no population for migrants to join, since the next
/// batch ignores every earlier point, so taking part in an island model would only pretend to cooperate.</remarks>
public sealed class RandomSearchOptimizer : IOptimizer
{
    private readonly Bounds _bounds;
    private readonly RandomStream _random;
    private readonly double[] _batch;
    private readonly double[] _bestPoint;
    private bool _asked;
    private bool _hasBest;

    public RandomSearchOptimizer(Bounds bounds, int batchSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _bounds = bounds;
        _random = new RandomStream(seed);
        _batch = new double[batchSize * bounds.Dimension];
        _bestPoint = new double[bounds.Dimension];
    }

    public int Dimension => _bounds.Dimension;

    public double BestFitness { get; private set; } = double.PositiveInfinity;

    public ReadOnlySpan<double> BestPoint => _hasBest ? _bestPoint : [];

    public string? StopReason => null;

    public IReadOnlyList<string> ExtraNames => [];

    public ReadOnlyMemory<double> Ask()
    {
        if (_asked)
        {
            throw new InvalidOperationException("Ask was called twice without a Tell in between.");
        }

        var lower = _bounds.Lower;
        var upper = _bounds.Upper;
        var d = _bounds.Dimension;
        for (var offset = 0; offset < _batch.Length; offset += d)
        {
            for (var j = 0; j < d; j++)
            {
                // lower + width·u can round up past upper when the width itself rounded up; clamp so every
                // asked point is inside the bounds, as the contract promises.
                _batch[offset + j] = Math.Min(_random.NextDouble(lower[j], upper[j]), upper[j]);
            }
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

        var d = _bounds.Dimension;
        if (fitness.Length * d != _batch.Length)
        {
            throw new ArgumentException($"Expected {_batch.Length / d} fitness values, got {fitness.Length}.", nameof(fitness));
        }

        _asked = false;
        for (var i = 0; i < fitness.Length; i++)
        {
            // Strict < keeps the first of equal values, and a NaN never replaces the best.
            if (fitness[i] < BestFitness)
            {
                BestFitness = fitness[i];
                _batch.AsSpan(i * d, d).CopyTo(_bestPoint);
                _hasBest = true;
            }
        }
    }

    public void GetExtras(Span<double> values)
    {
    }
}

namespace Workbench.Algorithms.CmaEs;

/// <summary>Island-model migration. The "current population" is the last told generation.</summary>
/// <remarks>
/// ReplaceWorst has to make migrants count, and in CMA-ES a generation counts only through its update.
/// Tell therefore updates eagerly (so a stop reason is known right after Tell) but keeps a snapshot of the
/// run state; ReplaceWorst rewinds to it, puts the migrants into the generation in place of the worst
/// individuals, re-ranks, and redoes the update, so migrants take part in recombination and in both
/// covariance updates. A migrant's step from the mean is clipped to the Mahalanobis length
/// sqrt(n) + 2n/(n+2), as pycma does for injected solutions, so one far-away migrant cannot wreck C.
/// </remarks>
public sealed partial class CmaEsOptimizer
{
    public int PopulationSize => _generation.Lambda;

    public void CopyBest(Span<double> points, Span<double> fitness)
    {
        RequireTold();
        var g = _generation;
        var count = fitness.Length;
        CheckCount(count, points.Length, nameof(points));
        for (var j = 0; j < count; j++)
        {
            g.Point(g.Order[j]).CopyTo(points.Slice(j * g.N, g.N));
            fitness[j] = g.Fitness[g.Order[j]];
        }
    }

    public void ReplaceWorst(ReadOnlySpan<double> points, ReadOnlySpan<double> fitness)
    {
        RequireTold();
        var g = _generation;
        var n = g.N;
        var count = fitness.Length;
        CheckCount(count, points.Length, nameof(points));
        _run.Undo();
        _termination.UndoRecord();
        var lower = _settings.Bounds.Lower;
        var upper = _settings.Bounds.Upper;
        var maxLength = Math.Sqrt(n) + (2.0 * n / (n + 2));
        for (var j = 0; j < count; j++)
        {
            var k = g.Order[g.Lambda - 1 - j];
            var point = g.Point(k);
            for (var i = 0; i < n; i++)
            {
                point[i] = Math.Clamp(points[(j * n) + i], lower[i], upper[i]);
            }

            _transform.FromBounds(point, g.Genotype(k));
            var step = g.Step(k);
            _run.StepOf(g.Genotype(k), step);
            var length = _run.MahalanobisNorm(step);
            if (length > maxLength)
            {
                var shrink = maxLength / length;
                for (var i = 0; i < n; i++)
                {
                    step[i] *= shrink;
                }
            }

            g.Fitness[k] = fitness[j];
        }

        ApplyGeneration();
    }

    private void RequireTold()
    {
        if (_asked || !_told)
        {
            throw new InvalidOperationException("Migration is only allowed between a Tell and the next Ask.");
        }
    }

    private void CheckCount(int count, int pointValues, string name)
    {
        if (count > _generation.Lambda || pointValues != count * _generation.N)
        {
            throw new ArgumentException(
                $"{count} individuals with {pointValues} coordinates do not fit a population of " +
                $"{_generation.Lambda} in dimension {_generation.N}.", name);
        }
    }
}

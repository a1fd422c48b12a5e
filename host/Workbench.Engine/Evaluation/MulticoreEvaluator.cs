using Workbench.Contracts.Problems;

namespace Workbench.Engine.Evaluation;

/// <summary>Splits a batch into contiguous chunks evaluated on several cores; results land by index, so the
/// output is bit-identical to <see cref="SerialEvaluator"/>.</summary>
/// <remarks>A problem that is not thread-safe is evaluated serially (its traits say so); tiny batches are
/// evaluated inline because waking threads costs more than evaluating a handful of cheap points.</remarks>
public sealed class MulticoreEvaluator : IEvaluator
{
    /// <summary>Below this many scalar inputs per chunk the fork/join overhead dominates.</summary>
    private const int MinValuesPerChunk = 2048;

    private readonly IProblem _problem;
    private readonly int _dimension;

    public MulticoreEvaluator(IProblem problem, int workers)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "At least one worker is needed.");
        }

        _problem = problem;
        _dimension = problem.Dimension;
        Workers = problem.Traits.IsThreadSafe ? workers : 1;
    }

    public string Name => "multicore";

    public int Workers { get; }

    public string Device => "cpu";

    public ValueTask EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var n = fitness.Length;
        var minPoints = Math.Max(1, MinValuesPerChunk / _dimension);
        var chunks = Math.Min(Workers, n / minPoints);
        if (chunks <= 1)
        {
            _problem.Evaluate(points.Span, fitness.Span);
            return ValueTask.CompletedTask;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, chunk =>
        {
            var start = (int)((long)n * chunk / chunks);
            var end = (int)((long)n * (chunk + 1) / chunks);
            _problem.Evaluate(
                points.Span.Slice(start * _dimension, (end - start) * _dimension),
                fitness.Span[start..end]);
        });
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
    }
}

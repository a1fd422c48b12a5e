namespace Workbench.Engine.Evaluation;

/// <summary>The one port through which every batch of candidates is evaluated: on this thread, on all cores,
/// on a GPU or on peer machines. Every implementation passes the evaluator conformance suite.</summary>
/// <remarks>
/// Contract: <c>fitness[i]</c> is the fitness of point <c>i</c> (row-major in <c>points</c>) and depends on that
/// point alone, so any split of the batch gives bit-identical results. Asynchronous because remote evaluators
/// do I/O; local ones complete synchronously.
/// </remarks>
public interface IEvaluator : IDisposable
{
    /// <summary>Short name recorded with runs: <c>serial</c>, <c>multicore</c>, <c>gpu</c>, <c>peers</c>.</summary>
    string Name { get; }

    /// <summary>Degree of parallelism used (threads, devices or peers).</summary>
    int Workers { get; }

    /// <summary>Human-readable detail, such as the GPU's name.</summary>
    string Device { get; }

    ValueTask EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, CancellationToken cancellationToken);
}

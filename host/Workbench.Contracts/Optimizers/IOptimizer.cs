namespace Workbench.Contracts.Optimizers;

/// <summary>An ask/tell optimiser (minimisation). It never calls the objective: the host asks it for a batch
/// of candidates, evaluates them wherever it likes, and tells it their fitness.</summary>
/// <remarks>
/// Contract, stated as properties:
/// <list type="bullet">
/// <item>Calls alternate strictly: Ask, Tell, Ask, Tell, ... A second Ask without a Tell is an error.</item>
/// <item>Every asked point lies inside the problem's bounds.</item>
/// <item>All randomness comes from the seed given at creation: same seed, same options and same fitness
/// values give the same sequence of batches.</item>
/// <item>Implementations are not thread-safe; one run drives one optimiser from one thread at a time.</item>
/// </list>
/// </remarks>
public interface IOptimizer
{
    int Dimension { get; }

    /// <summary>The next batch, row-major: <c>Count * Dimension</c> values. Valid until the next call to Tell.</summary>
    ReadOnlyMemory<double> Ask();

    /// <summary>The fitness of every point of the last batch, in the same order.</summary>
    void Tell(ReadOnlySpan<double> fitness);

    /// <summary>Best fitness this optimiser has been told (positive infinity before the first Tell).</summary>
    double BestFitness { get; }

    /// <summary>The point of <see cref="BestFitness"/> (empty before the first Tell).</summary>
    ReadOnlySpan<double> BestPoint { get; }

    /// <summary>Non-null once the algorithm decides it has converged or can make no progress (for example
    /// <c>tolfun</c>); the run then stops with this reason.</summary>
    string? StopReason { get; }

    /// <summary>Names of algorithm-specific statistics (for example <c>sigma</c>), fixed for the optimiser's life.</summary>
    IReadOnlyList<string> ExtraNames { get; }

    /// <summary>Writes the current value of each extra statistic, in <see cref="ExtraNames"/> order.</summary>
    void GetExtras(Span<double> values);
}

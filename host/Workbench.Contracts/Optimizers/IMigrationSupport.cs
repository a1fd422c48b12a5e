namespace Workbench.Contracts.Optimizers;

/// <summary>Optional capability of population-based optimisers, used by the island model.</summary>
/// <remarks>Both methods are called only between a Tell and the next Ask.</remarks>
public interface IMigrationSupport
{
    /// <summary>Individuals in the current population.</summary>
    int PopulationSize { get; }

    /// <summary>Copies the <c>fitness.Length</c> best individuals of the current population, best first.</summary>
    void CopyBest(Span<double> points, Span<double> fitness);

    /// <summary>Replaces the <c>fitness.Length</c> worst individuals of the current population with these.</summary>
    void ReplaceWorst(ReadOnlySpan<double> points, ReadOnlySpan<double> fitness);
}

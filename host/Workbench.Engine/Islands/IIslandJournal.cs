namespace Workbench.Engine.Islands;

/// <summary>Hears every call the island model makes on one island that changes or reads its state outside
/// Ask: what a remote copy of the island must repeat, in the same order, to stay the same optimiser.</summary>
/// <remarks>Called on the run loop's thread, between a Tell and the next Ask. The spans are only valid during
/// the call.</remarks>
public interface IIslandJournal
{
    /// <summary>Island <paramref name="island"/> was told the fitness of its last batch.</summary>
    void Told(int island, ReadOnlySpan<double> fitness);

    /// <summary>Migration copied the island's best <paramref name="count"/> individuals.</summary>
    void CopiedBest(int island, int count);

    /// <summary>Migration replaced the island's worst individuals with these immigrants.</summary>
    void ReplacedWorst(int island, ReadOnlySpan<double> points, ReadOnlySpan<double> fitness);
}

using Workbench.Engine.Running;

namespace Workbench.Engine.Islands;

/// <summary>The island model's schedule and arithmetic, apart from any optimiser: when migration happens, how
/// many individuals move, and which emigrants a receiver takes. Pure, so a distributed runtime can reuse it.</summary>
public sealed class MigrationPlan
{
    public MigrationPlan(IslandSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
    }

    public IslandSettings Settings { get; }

    /// <summary>True after the <paramref name="told"/>-th generation (1-based) when migration is due: every
    /// interval-th generation, the initial one included in the count, never before the first.</summary>
    public bool IsDue(long told) => Settings.Count > 1 && told > 0 && told % Settings.MigrationInterval == 0;

    /// <summary>⌈R·size⌉, clamped to [0, size]. The tiny tolerance keeps a product such as 0.07 × 100 =
    /// 7.000000000000001 from rounding up to 8.</summary>
    public int MigrantCount(int populationSize)
    {
        if (populationSize <= 0)
        {
            return 0;
        }

        var exact = Settings.MigrationRate * populationSize;
        var count = (int)Math.Ceiling(exact - (1e-9 * Math.Max(1, exact)));
        return Math.Clamp(count, 0, populationSize);
    }

    /// <summary>Chooses the immigrants of one receiver from the emigrants offered to it: the best
    /// <paramref name="wanted"/> of their union, by fitness, ties to the lower source island then the better rank
    /// (so the choice never depends on the order islands finished in). Ring offers one source, so the receiver
    /// takes that source's best <paramref name="wanted"/>; fully connected offers every other island.</summary>
    /// <returns>(source island, rank within that island's emigrants) pairs, best first.</returns>
    public static IReadOnlyList<(int Source, int Rank)> ChooseImmigrants(
        IReadOnlyList<int> sources, IReadOnlyList<ReadOnlyMemory<double>> emigrantFitness, int wanted)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(emigrantFitness);
        var offered = new List<(double Fitness, int Source, int Rank)>();
        foreach (var source in sources)
        {
            var fitness = emigrantFitness[source].Span;
            for (var r = 0; r < fitness.Length; r++)
            {
                // NaN ranks last, like the worst fitness.
                offered.Add((double.IsNaN(fitness[r]) ? double.PositiveInfinity : fitness[r], source, r));
            }
        }

        offered.Sort(static (a, b) =>
        {
            var byFitness = a.Fitness.CompareTo(b.Fitness);
            return byFitness != 0 ? byFitness : a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Rank.CompareTo(b.Rank);
        });
        return offered.Take(Math.Max(0, wanted)).Select(o => (o.Source, o.Rank)).ToArray();
    }
}

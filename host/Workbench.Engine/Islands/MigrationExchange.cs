using Workbench.Contracts.Optimizers;

namespace Workbench.Engine.Islands;

/// <summary>Carries out one migration between islands in this process, following a <see cref="MigrationPlan"/>.</summary>
/// <remarks>Every island's emigrants are copied before any island receives, so the outcome does not depend on
/// the order the islands are visited in; a later runtime that puts islands on peers sends the same emigrants
/// through tubes instead.</remarks>
internal sealed class MigrationExchange
{
    private readonly MigrationPlan _plan;
    private readonly int _dimension;
    private readonly double[][] _points;
    private readonly double[][] _fitness;
    private readonly ReadOnlyMemory<double>[] _offeredFitness;
    private double[] _incomingPoints = [];
    private double[] _incomingFitness = [];

    public MigrationExchange(MigrationPlan plan, int islands, int dimension)
    {
        _plan = plan;
        _dimension = dimension;
        _points = new double[islands][];
        _fitness = new double[islands][];
        _offeredFitness = new ReadOnlyMemory<double>[islands];
        for (var k = 0; k < islands; k++)
        {
            _points[k] = [];
            _fitness[k] = [];
        }
    }

    /// <summary>Migrates once; returns how many individuals moved in all.</summary>
    public int Migrate(IReadOnlyList<IMigrationSupport> islands, IReadOnlyList<bool> active, IIslandJournal? journal = null)
    {
        var d = _dimension;
        for (var k = 0; k < islands.Count; k++)
        {
            var count = active[k] ? _plan.MigrantCount(islands[k].PopulationSize) : 0;
            Grow(ref _points[k], count * d);
            Grow(ref _fitness[k], count);
            islands[k].CopyBest(_points[k].AsSpan(0, count * d), _fitness[k].AsSpan(0, count));
            if (active[k])
            {
                journal?.CopiedBest(k, count);
            }

            _offeredFitness[k] = _fitness[k].AsMemory(0, count);
        }

        var moved = 0;
        for (var r = 0; r < islands.Count; r++)
        {
            var sources = IslandTopology.Sources(_plan.Settings.Topology, r, active);
            if (sources.Count == 0)
            {
                continue;
            }

            var chosen = MigrationPlan.ChooseImmigrants(sources, _offeredFitness, _plan.MigrantCount(islands[r].PopulationSize));
            Grow(ref _incomingPoints, chosen.Count * d);
            Grow(ref _incomingFitness, chosen.Count);
            for (var i = 0; i < chosen.Count; i++)
            {
                var (source, rank) = chosen[i];
                _points[source].AsSpan(rank * d, d).CopyTo(_incomingPoints.AsSpan(i * d, d));
                _incomingFitness[i] = _fitness[source][rank];
            }

            if (chosen.Count > 0)
            {
                islands[r].ReplaceWorst(_incomingPoints.AsSpan(0, chosen.Count * d), _incomingFitness.AsSpan(0, chosen.Count));
                journal?.ReplacedWorst(r, _incomingPoints.AsSpan(0, chosen.Count * d), _incomingFitness.AsSpan(0, chosen.Count));
                moved += chosen.Count;
            }
        }

        return moved;
    }

    private static void Grow(ref double[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new double[length];
        }
    }
}

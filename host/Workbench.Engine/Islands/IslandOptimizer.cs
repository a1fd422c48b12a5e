using System.Globalization;
using Workbench.Contracts.Optimizers;
using Workbench.Engine.Running;

namespace Workbench.Engine.Islands;

/// <summary>The island model as one optimiser: K inner optimisers (islands) whose batches are concatenated into
/// one Ask, so the run loop sends all islands' evaluations through the evaluator as a single batch, and whose
/// fitness is split back in Tell. Every <see cref="IslandSettings.MigrationInterval"/> generations the best
/// individuals move along the topology (see <see cref="MigrationPlan"/>).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Islands without <see cref="IMigrationSupport"/> run as independent islands (<see cref="Migrates"/> is false).</item>
/// <item>An island that reports a stop reason is retired: it is no longer asked, told, or part of migration.
/// The composite reports a stop reason once every island has retired (<c>islands:REASON[,REASON...]</c>, the
/// distinct reasons in island order), because the other islands may still be improving.</item>
/// <item>Islands' Ask and Tell run concurrently on up to <c>workers</c> threads; results do not depend on it.</item>
/// </list>
/// </remarks>
public sealed class IslandOptimizer : IOptimizer
{
    /// <summary>Islands whose best is reported as an extra: the extras list stays bounded for large K.</summary>
    public const int MaxReportedIslands = 16;

    private readonly IOptimizer[] _islands;
    private readonly IMigrationSupport[]? _migration;
    private readonly bool[] _active;
    private readonly MigrationPlan _plan;
    private readonly MigrationExchange? _exchange;
    private readonly IslandParallel _parallel;
    private readonly ReadOnlyMemory<double>[] _asked;
    private readonly int[] _offsets;
    private readonly int _reported;
    private readonly int _innerExtras;
    private double[] _batch = [];
    private double[] _fitness = [];
    private int _total;
    private bool _awaitingTell;

    public IslandOptimizer(IReadOnlyList<IOptimizer> islands, IslandSettings settings, int workers = 1)
    {
        ArgumentNullException.ThrowIfNull(islands);
        if (islands.Count < 1)
        {
            throw new ArgumentException("At least one island is needed.", nameof(islands));
        }

        _islands = islands.ToArray();
        Dimension = _islands[0].Dimension;
        if (_islands.Any(i => i.Dimension != Dimension))
        {
            throw new ArgumentException("All islands must have the same dimension.", nameof(islands));
        }

        _plan = new MigrationPlan(settings with { Count = _islands.Length });
        _active = Enumerable.Repeat(true, _islands.Length).ToArray();
        if (_islands.All(i => i is IMigrationSupport))
        {
            _migration = _islands.Cast<IMigrationSupport>().ToArray();
            _exchange = new MigrationExchange(_plan, _islands.Length, Dimension);
        }

        _parallel = new IslandParallel(_islands.Length, workers);
        _asked = new ReadOnlyMemory<double>[_islands.Length];
        _offsets = new int[_islands.Length + 1];
        _reported = Math.Min(_islands.Length, MaxReportedIslands);
        var inner = _islands[0].ExtraNames;
        _innerExtras = inner.Count;
        ExtraNames = Enumerable.Range(0, _reported).Select(k => string.Create(CultureInfo.InvariantCulture, $"island-{k}-best"))
            .Concat(inner.Select(name => "island-0-" + name))
            .Append("migrants")
            .ToArray();
    }

    public int Dimension { get; }

    public IReadOnlyList<IOptimizer> Islands => _islands;

    /// <summary>True when every island supports migration; false means the islands run independently.</summary>
    public bool Migrates => _migration is not null;

    public MigrationPlan Plan => _plan;

    /// <summary>Hears every Tell and migration, for runtimes that keep a copy of each island elsewhere.</summary>
    public IIslandJournal? Journal { get; set; }

    /// <summary>Where island <paramref name="island"/>'s points lie in the batch of the last Ask, in values.</summary>
    public (int Offset, int Length) Slice(int island) => (_offsets[island], _offsets[island + 1] - _offsets[island]);

    /// <summary>False once the island reported a stop reason: it is no longer asked, told or migrated.</summary>
    public bool IsActive(int island) => _active[island];

    /// <summary>Generations told so far (the migration schedule counts these).</summary>
    public long Generations { get; private set; }

    /// <summary>Individuals moved by migration so far, over all islands.</summary>
    public long Migrants { get; private set; }

    public double BestFitness => _islands.Min(i => i.BestFitness);

    public ReadOnlySpan<double> BestPoint
    {
        get
        {
            var best = 0;
            for (var k = 1; k < _islands.Length; k++)
            {
                if (_islands[k].BestFitness < _islands[best].BestFitness)
                {
                    best = k;
                }
            }

            return _islands[best].BestPoint;
        }
    }

    public string? StopReason { get; private set; }

    public IReadOnlyList<string> ExtraNames { get; }

    public ReadOnlyMemory<double> Ask()
    {
        if (_awaitingTell)
        {
            throw new InvalidOperationException("Ask was called twice without a Tell in between.");
        }

        _parallel.ForEach(_islands.Length, _total, k => _asked[k] = _active[k] ? _islands[k].Ask() : ReadOnlyMemory<double>.Empty);
        for (var k = 0; k < _islands.Length; k++)
        {
            if (_asked[k].Length % Dimension != 0)
            {
                throw new InvalidOperationException($"island {k} asked {_asked[k].Length} values, not a multiple of the dimension {Dimension}");
            }

            _offsets[k + 1] = _offsets[k] + _asked[k].Length;
        }

        _total = _offsets[^1];
        if (_batch.Length < _total)
        {
            _batch = new double[_total];
        }

        for (var k = 0; k < _islands.Length; k++)
        {
            _asked[k].Span.CopyTo(_batch.AsSpan(_offsets[k]));
        }

        _awaitingTell = true;
        return _batch.AsMemory(0, _total);
    }

    public void Tell(ReadOnlySpan<double> fitness)
    {
        if (!_awaitingTell)
        {
            throw new InvalidOperationException("Tell was called without a preceding Ask.");
        }

        if (fitness.Length * Dimension != _total)
        {
            throw new ArgumentException($"Expected {_total / Dimension} fitness values, got {fitness.Length}.", nameof(fitness));
        }

        // A span cannot cross into worker threads; the copy costs far less than one island's Tell.
        if (_fitness.Length < fitness.Length)
        {
            _fitness = new double[fitness.Length];
        }

        fitness.CopyTo(_fitness);
        _parallel.ForEach(_islands.Length, _total, k =>
        {
            if (_active[k])
            {
                _islands[k].Tell(IslandFitness(k));
            }
        });
        if (Journal is { } journal)
        {
            for (var k = 0; k < _islands.Length; k++)
            {
                if (_active[k])
                {
                    journal.Told(k, IslandFitness(k));
                }
            }
        }

        _awaitingTell = false;
        Generations++;
        if (_exchange is not null && _plan.IsDue(Generations))
        {
            Migrants += _exchange.Migrate(_migration!, _active, Journal);
        }

        Retire();
    }

    private Span<double> IslandFitness(int k) => _fitness.AsSpan(_offsets[k] / Dimension, (_offsets[k + 1] - _offsets[k]) / Dimension);

    public void GetExtras(Span<double> values)
    {
        for (var k = 0; k < _reported; k++)
        {
            values[k] = _islands[k].BestFitness;
        }

        _islands[0].GetExtras(values.Slice(_reported, _innerExtras));
        values[_reported + _innerExtras] = Migrants;
    }

    private void Retire()
    {
        for (var k = 0; k < _islands.Length; k++)
        {
            if (_active[k] && _islands[k].StopReason is not null)
            {
                _active[k] = false;
            }
        }

        if (StopReason is null && !_active.Contains(true))
        {
            StopReason = "islands:" + string.Join(",", _islands.Select(i => i.StopReason).Distinct(StringComparer.Ordinal));
        }
    }
}

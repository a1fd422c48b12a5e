using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Randomness;

namespace Workbench.Algorithms.Ga;

/// <summary>Generational real-coded GA with elitism. The first Ask is the random initial population; every
/// later Ask is one generation's offspring (population - elite individuals): the elite of the current population
/// passes unchanged and is not re-evaluated.</summary>
/// <remarks>Two population buffers are swapped each generation, so steady-state Ask/Tell allocate nothing.
/// A NaN fitness is stored as +infinity, so it never wins a tournament or a place in the elite.</remarks>
public sealed class GeneticAlgorithm : IOptimizer, IMigrationSupport
{
    private static readonly string[] Extras = ["diversity"];

    private readonly int _size;
    private readonly int _elite;
    private readonly int _tournament;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly RandomStream _rng;
    private readonly Variation _variation;
    private readonly Ranking _ranking;
    private readonly double[] _bestPoint;
    private readonly double[] _centroid;
    private readonly double[] _spareChild;
    private readonly EliteSelection _eliteSelection;
    private double[] _genes;
    private double[] _fitness;
    private double[] _nextGenes;
    private double[] _nextFitness;
    private bool _started;
    private bool _awaitingTell;
    private bool _told;

    public GeneticAlgorithm(ProblemInfo problem, GaOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (problem.Dimension != problem.Bounds.Dimension)
        {
            throw new ArgumentException($"Problem dimension {problem.Dimension} does not match its bounds ({problem.Bounds.Dimension} coordinates).", nameof(problem));
        }

        Dimension = problem.Dimension;
        _size = options.Population;
        _elite = options.ResolvedElite;
        _tournament = options.TournamentSize;
        _lower = problem.Bounds.Lower.ToArray();
        _upper = problem.Bounds.Upper.ToArray();
        _rng = new RandomStream(seed);
        _variation = new Variation(_rng, _lower, _upper, options);
        _ranking = new Ranking(_size);
        _eliteSelection = new EliteSelection(_elite);
        _bestPoint = new double[Dimension];
        _centroid = new double[Dimension];
        _spareChild = new double[Dimension];
        _genes = new double[_size * Dimension];
        _nextGenes = new double[_size * Dimension];
        _fitness = new double[_size];
        _nextFitness = new double[_size];
    }

    public int Dimension { get; }

    public int PopulationSize => _size;

    public double BestFitness { get; private set; } = double.PositiveInfinity;

    public ReadOnlySpan<double> BestPoint => _told ? _bestPoint : [];

    /// <summary>Always null: the run's budget stops a GA.</summary>
    public string? StopReason => null;

    public IReadOnlyList<string> ExtraNames => Extras;

    public ReadOnlyMemory<double> Ask()
    {
        if (_awaitingTell)
        {
            throw new InvalidOperationException("Ask was called twice without a Tell in between.");
        }

        _awaitingTell = true;
        if (!_started)
        {
            _started = true;
            for (var k = 0; k < _genes.Length; k++)
            {
                var j = k % Dimension;
                _genes[k] = _rng.NextDouble(_lower[j], _upper[j]);
            }

            return _genes;
        }

        KeepElite();
        Breed();
        return _nextGenes.AsMemory(_elite * Dimension);
    }

    public void Tell(ReadOnlySpan<double> fitness)
    {
        if (!_awaitingTell)
        {
            throw new InvalidOperationException("Tell was called without a preceding Ask.");
        }

        var first = !_told;
        var expected = first ? _size : _size - _elite;
        if (fitness.Length != expected)
        {
            throw new ArgumentException($"Expected {expected} fitness values (one per asked individual), got {fitness.Length}.", nameof(fitness));
        }

        var offset = first ? 0 : _elite;
        var genes = first ? _genes : _nextGenes;
        var target = first ? _fitness : _nextFitness;
        for (var i = 0; i < fitness.Length; i++)
        {
            var f = double.IsNaN(fitness[i]) ? double.PositiveInfinity : fitness[i];
            target[offset + i] = f;
            Offer(f, genes.AsSpan((offset + i) * Dimension, Dimension));
        }

        if (!first)
        {
            (_genes, _nextGenes) = (_nextGenes, _genes);
            (_fitness, _nextFitness) = (_nextFitness, _fitness);
        }

        _awaitingTell = false;
        _told = true;
    }

    public void GetExtras(Span<double> values) => values[0] = _told ? PopulationDiversity.Of(_genes, _size, _lower, _upper, _centroid) : double.NaN;

    public void CopyBest(Span<double> points, Span<double> fitness)
    {
        CheckMigration(points.Length, fitness.Length);
        var order = _ranking.Sort(_fitness);
        for (var k = 0; k < fitness.Length; k++)
        {
            fitness[k] = _fitness[order[k]];
            Individual(_genes, order[k]).CopyTo(points.Slice(k * Dimension, Dimension));
        }
    }

    /// <summary>Migrants overwrite the worst individuals; they then compete in selection and for the elite like
    /// any other member, so a migrant better than the current elite survives unchanged.</summary>
    public void ReplaceWorst(ReadOnlySpan<double> points, ReadOnlySpan<double> fitness)
    {
        CheckMigration(points.Length, fitness.Length);
        var order = _ranking.Sort(_fitness);
        for (var k = 0; k < fitness.Length; k++)
        {
            var i = order[_size - 1 - k];
            var migrant = points.Slice(k * Dimension, Dimension);
            migrant.CopyTo(Individual(_genes, i));
            _fitness[i] = double.IsNaN(fitness[k]) ? double.PositiveInfinity : fitness[k];
            Offer(_fitness[i], migrant);
        }
    }

    private Span<double> Individual(double[] genes, int i) => genes.AsSpan(i * Dimension, Dimension);

    /// <summary>Copies the elite (best first) into the front of the next generation.</summary>
    private void KeepElite()
    {
        var chosen = _eliteSelection.Select(_fitness);
        for (var k = 0; k < _elite; k++)
        {
            Individual(_genes, chosen[k]).CopyTo(Individual(_nextGenes, k));
            _nextFitness[k] = _fitness[chosen[k]];
        }
    }

    private void Breed()
    {
        for (var i = _elite; i < _size; i += 2)
        {
            var p1 = Individual(_genes, Tournament());
            var p2 = Individual(_genes, Tournament());
            var c1 = Individual(_nextGenes, i);

            // With an odd number of offspring the last pair's second child is discarded.
            var c2 = i + 1 < _size ? Individual(_nextGenes, i + 1) : _spareChild.AsSpan();
            _variation.Cross(p1, p2, c1, c2);
            _variation.Mutate(c1);
            if (i + 1 < _size)
            {
                _variation.Mutate(c2);
            }
        }
    }

    private int Tournament()
    {
        var winner = _rng.NextInt(_size);
        for (var t = 1; t < _tournament; t++)
        {
            var rival = _rng.NextInt(_size);
            if (_fitness[rival] < _fitness[winner])
            {
                winner = rival;
            }
        }

        return winner;
    }

    private void Offer(double fitness, ReadOnlySpan<double> point)
    {
        if (fitness < BestFitness)
        {
            BestFitness = fitness;
            point.CopyTo(_bestPoint);
        }
    }

    private void CheckMigration(int pointsLength, int count)
    {
        if (!_told || _awaitingTell)
        {
            throw new InvalidOperationException("Migration is allowed only between a Tell and the next Ask.");
        }

        if (count > _size || pointsLength != count * Dimension)
        {
            throw new ArgumentException($"Migration of {count} individuals needs at most {_size} individuals and {count} x {Dimension} coordinates, got {pointsLength}.");
        }
    }
}

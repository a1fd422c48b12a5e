using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Randomness;

namespace Workbench.Algorithms.Pso;

/// <summary>Synchronous particle swarm: each Ask is the whole swarm, each Tell updates personal and neighbourhood
/// bests; particles move at the start of the next Ask so that migration between Tell and Ask is seen by the move.</summary>
public sealed class ParticleSwarm : IOptimizer, IMigrationSupport
{
    private static readonly string[] Extras = ["diversity"];

    private readonly SwarmState _state;
    private readonly SwarmMotion _motion;
    private readonly PsoTopology _topology;
    private readonly Ranking _ranking;
    private readonly double[] _bestPoint;
    private readonly double[] _scratch;
    private bool _started;
    private bool _awaitingTell;
    private bool _told;

    public ParticleSwarm(ProblemInfo problem, PsoOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (problem.Dimension != problem.Bounds.Dimension)
        {
            throw new ArgumentException($"Problem dimension {problem.Dimension} does not match its bounds ({problem.Bounds.Dimension} coordinates).", nameof(problem));
        }

        Dimension = problem.Dimension;
        _state = new SwarmState(options.SwarmSize, Dimension, problem.Bounds.Lower, problem.Bounds.Upper, options.VmaxFraction);
        _motion = new SwarmMotion(_state, new RandomStream(seed), options);
        _topology = options.Topology;
        _ranking = new Ranking(options.SwarmSize);
        _bestPoint = new double[Dimension];
        _scratch = new double[Dimension];
    }

    public int Dimension { get; }

    public int PopulationSize => _state.Size;

    public double BestFitness { get; private set; } = double.PositiveInfinity;

    public ReadOnlySpan<double> BestPoint => _told ? _bestPoint : [];

    /// <summary>Always null: a swarm has no convergence test of its own; the run's budget stops it.</summary>
    public string? StopReason => null;

    public IReadOnlyList<string> ExtraNames => Extras;

    public ReadOnlyMemory<double> Ask()
    {
        if (_awaitingTell)
        {
            throw new InvalidOperationException("Ask was called twice without a Tell in between.");
        }

        if (_started)
        {
            _motion.MoveAll();
        }
        else
        {
            _motion.Initialise();
            _started = true;
        }

        _awaitingTell = true;
        return _state.Positions;
    }

    public void Tell(ReadOnlySpan<double> fitness)
    {
        if (!_awaitingTell)
        {
            throw new InvalidOperationException("Tell was called without a preceding Ask.");
        }

        if (fitness.Length != _state.Size)
        {
            throw new ArgumentException($"Expected {_state.Size} fitness values (one per particle), got {fitness.Length}.", nameof(fitness));
        }

        for (var i = 0; i < _state.Size; i++)
        {
            // "<" is false for NaN, so a NaN never becomes a personal best.
            if (fitness[i] < _state.PersonalBestFitness[i])
            {
                _state.PersonalBestFitness[i] = fitness[i];
                _state.Position(i).CopyTo(_state.Best(i));
                Offer(fitness[i], _state.Position(i));
            }
        }

        _state.UpdateInformers(_topology);
        _awaitingTell = false;
        _told = true;
    }

    public void GetExtras(Span<double> values) => values[0] = _started ? _state.Diversity(_scratch) : double.NaN;

    /// <summary>The best personal bests, best first.</summary>
    public void CopyBest(Span<double> points, Span<double> fitness)
    {
        CheckMigration(points.Length, fitness.Length);
        var order = _ranking.Sort(_state.PersonalBestFitness);
        for (var k = 0; k < fitness.Length; k++)
        {
            fitness[k] = _state.PersonalBestFitness[order[k]];
            _state.Best(order[k]).CopyTo(points.Slice(k * Dimension, Dimension));
        }
    }

    /// <summary>The particles with the worst personal bests restart at the migrants, which become their personal
    /// bests; their velocity is zeroed so the next move is a pure pull towards their informer.</summary>
    public void ReplaceWorst(ReadOnlySpan<double> points, ReadOnlySpan<double> fitness)
    {
        CheckMigration(points.Length, fitness.Length);
        var order = _ranking.Sort(_state.PersonalBestFitness);
        for (var k = 0; k < fitness.Length; k++)
        {
            var i = order[_state.Size - 1 - k];
            var migrant = points.Slice(k * Dimension, Dimension);
            migrant.CopyTo(_state.Position(i));
            migrant.CopyTo(_state.Best(i));
            _state.Velocity(i).Clear();
            _state.PersonalBestFitness[i] = double.IsNaN(fitness[k]) ? double.PositiveInfinity : fitness[k];
            Offer(fitness[k], migrant);
        }

        _state.UpdateInformers(_topology);
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

        if (count > _state.Size || pointsLength != count * Dimension)
        {
            throw new ArgumentException($"Migration of {count} individuals needs at most {_state.Size} individuals and {count} x {Dimension} coordinates, got {pointsLength}.");
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Islands;
using Workbench.Engine.Running;
using Workbench.Transport.Client;
using Workbench.Transport.Evaluation;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Islands;

/// <summary>Runs each island of a run on a slot of its own, mostly on peers (the evaluator named <c>islands</c>):
/// Playdoh's model for the GA, where islands talk only at migration.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>This machine keeps a copy of every island, which the run loop drives exactly as without peers; the island
/// on its peer runs the same optimiser from the same seed, evaluates its own batches and streams each generation's
/// fitness back. The copy is told that fitness, so the run's history is the in-process island model's, bit for bit,
/// and the only traffic is fitness (8 bytes a point), migrants, and a hash of each batch that proves both copies
/// asked the same points.</item>
/// <item>A peer runs its island up to the next migration without waiting for this machine (never past the run's
/// generation or evaluation limit). The evaluations it made past the run's end are not charged: the budget is
/// charged in island order, the last generation cut, exactly as in one process.</item>
/// <item>When a peer is lost, its island moves to another peer, which rebuilds it by replaying what this machine's
/// copy was told (no evaluation is repeated, and no optimiser needs a snapshot format), or to this machine's cores.
/// Where neither is allowed the run fails, naming the island and the peer.</item>
/// </list>
/// </remarks>
public sealed partial class IslandsEvaluator : IEvaluator, IReportingEvaluator, IIslandJournal
{
    private readonly ProblemGuard _problem;
    private readonly IslandLayout _layout;
    private readonly PeerCluster _cluster;
    private readonly PluginShipper _shipper;
    private readonly PeersEvaluatorSettings _settings;
    private readonly IslandSetup[] _setups;
    private readonly IslandHome[] _homes;
    private readonly string _runKey = Guid.NewGuid().ToString("N");
    private readonly List<string> _warnings = [];
    private readonly CancellationTokenSource _ending = new();
    private readonly int _dimension;
    private long _served;
    private long _moves;

    internal IslandsEvaluator(ProblemGuard problem, IslandLayout layout, PeerCluster cluster, PluginShipper shipper, PeersEvaluatorSettings settings)
    {
        var problemSpec = problem.Spec is { Component.IsPortable: true } spec
            ? spec
            : throw new RunSetupException("peers", $"peers: problem '{problem.Id}' is not loaded from a plugin folder, so peers cannot re-create it; run it without peers");
        if (!layout.Optimizer.IsPortable)
        {
            throw new RunSetupException("peers", $"peers: algorithm '{layout.Optimizer.Id}' is not loaded from a plugin folder, so peers cannot run its islands; use distribute evaluations");
        }

        _problem = problem;
        _layout = layout;
        _cluster = cluster;
        _shipper = shipper;
        _settings = settings;
        _dimension = problem.Dimension;
        var wireProblem = Wire.ToWire(problemSpec);
        var wireOptimizer = Wire.ToWire(layout.Optimizer);
        _setups = layout.Seeds.Select(seed => new IslandSetup { Problem = wireProblem, Optimizer = wireOptimizer, Seed = seed }).ToArray();
        _homes = Enumerable.Range(0, layout.Seeds.Count).Select(k => new IslandHome(k)).ToArray();
        Place();
        layout.Islands.Journal = this;
    }

    public string Name => "islands";

    public int Workers => _homes.Length;

    public string Device => string.Join(", ", _homes.GroupBy(h => h.Place).Select(g => $"{g.Key}×{g.Count()}"));

    public string Status => $"{_homes.Count(h => h.Peer is not null)}/{_homes.Length} islands on peers, {_cluster.Up.Count}/{_cluster.Peers.Count} peers up";

    public async ValueTask EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ending.Token);
        var generations = Ahead(fitness.Length);
        var work = new List<(int Island, Task Task)>();
        var islands = _layout.Islands;
        for (var k = 0; k < _homes.Length; k++)
        {
            var (offset, length) = islands.Slice(k);
            if (!islands.IsActive(k) || length == 0 || offset >= points.Length)
            {
                continue;
            }

            var values = Math.Min(length, points.Length - offset);
            var island = new IslandBatch(_homes[k], points.Slice(offset, values), fitness.Slice(offset / _dimension, values / _dimension), values == length);
            work.Add((k, Task.Run(() => FillAsync(island, generations, linked.Token), CancellationToken.None)));
        }

        try
        {
            await Task.WhenAll(work.Select(w => w.Task)).ConfigureAwait(false);
        }
        catch
        {
            // The lowest island's failure is the one reported, whatever the order islands failed in.
            foreach (var (_, task) in work)
            {
                await task.ConfigureAwait(false);
            }

            throw;
        }

        _served += fitness.Length;
    }

    public EvaluatorReport Report()
    {
        var shares = _homes.GroupBy(h => h.Place)
            .Select(g => new SlotShare(g.Key, g.Sum(h => h.Evaluations), g.Sum(h => h.Generations), g.Sum(h => h.Seconds)))
            .ToArray();
        lock (_warnings)
        {
            return new EvaluatorReport(shares, _moves, _warnings.ToArray());
        }
    }

    void IIslandJournal.Told(int island, ReadOnlySpan<double> fitness)
    {
        var step = new IslandStep { Told = new Protocol.Fitness() };
        step.Told.Values.AddRange(fitness.ToArray());
        _homes[island].Log.Add(step);
        _homes[island].Told++;
    }

    void IIslandJournal.CopiedBest(int island, int count) => Journal(island, new IslandStep { CopiedBest = count });

    void IIslandJournal.ReplacedWorst(int island, ReadOnlySpan<double> points, ReadOnlySpan<double> fitness)
    {
        var immigrants = new Immigrants();
        immigrants.Points.AddRange(points.ToArray());
        immigrants.Fitness.AddRange(fitness.ToArray());
        Journal(island, new IslandStep { ReplacedWorst = immigrants });
    }

    public void Dispose()
    {
        _layout.Islands.Journal = null;
        _ending.Cancel();
        foreach (var home in _homes)
        {
            home.Dispose();
        }

        ReleaseAll();
        _cluster.Dispose();
        _ending.Dispose();
    }

    private void Journal(int island, IslandStep step)
    {
        _homes[island].Log.Add(step);
        _homes[island].Pending.Add(step);
    }

    /// <summary>How many generations a peer may run ahead: to the next migration, and no further than the run's
    /// generation and evaluation limits allow (judged by this generation's size).</summary>
    private int Ahead(int generationSize)
    {
        var plan = _layout.Islands.Plan;
        var told = _layout.Islands.Generations;
        long ahead = plan.Settings.MigrationInterval - (told % plan.Settings.MigrationInterval);
        if (_layout.Stop.MaxIterations is long maxIterations)
        {
            ahead = Math.Min(ahead, maxIterations - told);
        }

        if (_layout.Stop.MaxEvaluations is long maxEvaluations && generationSize > 0)
        {
            ahead = Math.Min(ahead, (maxEvaluations - _served + generationSize - 1) / generationSize);
        }

        return (int)Math.Max(1, ahead);
    }

    private void Warn(string line)
    {
        lock (_warnings)
        {
            _warnings.Add(line);
        }

        _settings.Warn?.Invoke(line);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One island's part of a generation's batch.</summary>
    private sealed record IslandBatch(IslandHome Home, ReadOnlyMemory<double> Points, Memory<double> Fitness, bool Whole);
}

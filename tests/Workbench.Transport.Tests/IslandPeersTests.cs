using Workbench.Conformance;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Workbench.Gpu;
using Workbench.Plugins;
using Workbench.Transport.Client;
using Workbench.Transport.Evaluation;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>Islands placed on peers (each island's optimiser and evaluations on a slot of its own) against the
/// in-process island model: the same seed must give the same history, row for row.</summary>
[Trait("kind", "process")]
public sealed class IslandPeersTests : IAsyncLifetime
{
    private readonly Security.ClusterKey _key = InProcessPeer.NewKey();
    private readonly PluginCatalog _catalog = new(new PluginCatalogOptions { Directories = [WbProcess.BuiltInPlugins], Watch = false, SharedTypes = GpuPluginSharing.SharedTypes });
    private readonly List<InProcessPeer> _peers = [];

    public async Task InitializeAsync()
    {
        _catalog.Load();
        for (var i = 0; i < 3; i++)
        {
            _peers.Add(await InProcessPeer.StartAsync(_key, slots: 1, name: $"isle-{i}"));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }

        _catalog.Dispose();
    }

    public static TheoryData<string, string, long?, long?> Runs => new()
    {
        // The evaluation budget ends inside a generation, after several migrations.
        { "ga", "rastrigin", 4321, null },
        { "pso", "rosenbrock", 3333, null },
        { "cmaes", "ellipsoid", 1999, null },
        { "random", "sphere", 2500, null },
        // The generation limit ends exactly on a migration.
        { "ga", "sphere", null, 15 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Islands_on_peers_repeat_the_in_process_history(string algorithm, string problem, long? maxEvals, long? maxIterations)
    {
        var request = Request(algorithm, problem, maxEvals, maxIterations) with { Islands = new IslandSettings(4, MigrationInterval: 5, MigrationRate: 0.1) };
        var local = await RunAsync(request with { Evaluation = new EvaluationSettings { Workers = 1 } });
        var spread = await RunAsync(request with { Evaluation = Peers(useLocal: true) });
        Assert.Equal("islands", spread.Description.Evaluator);
        Assert.Equal(Rows(local.History), Rows(spread.History));
        Assert.Equal(local.Summary.BestFitness, spread.Summary.BestFitness);
        Assert.Equal(local.Summary.Evaluations, spread.Summary.Evaluations);
        Assert.Empty(spread.Summary.EvaluatorReport!.Warnings);
        // Four islands on three peers of one slot and this machine: the fourth island runs here.
        Assert.Equal(["isle-0", "isle-1", "isle-2", "local"], spread.Summary.EvaluatorReport.Shares.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Islands_only_on_peers_repeat_the_in_process_history()
    {
        var request = Request("ga", "rastrigin", 3000, null);
        var local = await RunAsync(request with { Evaluation = new EvaluationSettings { Workers = 1 } });
        var spread = await RunAsync(request with { Evaluation = Peers(useLocal: false) });
        Assert.Equal(Rows(local.History), Rows(spread.History));
        Assert.Equal(["isle-0", "isle-1", "isle-2"], spread.Summary.EvaluatorReport!.Shares.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task An_island_whose_peer_stops_resumes_on_another_with_the_same_history()
    {
        var request = Request("ga", "rastrigin", 6000, null) with { ProblemOptions = new Dictionary<string, string> { ["pause-ms"] = "1" } };
        var local = await RunAsync(request with { Evaluation = new EvaluationSettings { Workers = 1 }, ProblemOptions = new Dictionary<string, string>() });
        var stopper = new StopAfter(generations: 12, () => _peers[1].DisposeAsync().AsTask());
        var spread = await RunAsync(request with { Evaluation = Peers(useLocal: false) }, stopper);
        Assert.Equal(RunStatus.Completed, spread.Summary.Status);
        Assert.Equal(Rows(local.History), Rows(spread.History));
        Assert.True(spread.Summary.EvaluatorReport!.Redispatches >= 1);
        Assert.Contains("island 1 lost with peer isle-1", string.Join(" | ", spread.Summary.EvaluatorReport.Warnings), StringComparison.Ordinal);
        _peers.RemoveAt(1);
    }

    [Fact]
    public async Task An_island_with_no_slot_left_fails_the_run_naming_island_and_peer()
    {
        var request = Request("ga", "rastrigin", 6000, null) with { ProblemOptions = new Dictionary<string, string> { ["pause-ms"] = "1" } };
        var one = _peers[0];
        var stopper = new StopAfter(generations: 8, () => one.DisposeAsync().AsTask());
        var spread = await RunAsync(request with
        {
            Islands = new IslandSettings(1 + 1, MigrationInterval: 5),
            Evaluation = Peers(useLocal: false) with { Peers = [one.Address.ToString()] },
        }, stopper);
        _peers.RemoveAt(0);
        Assert.Equal(RunStatus.Failed, spread.Summary.Status);
        Assert.Contains("island 0 was lost with peer isle-0", spread.Summary.Error, StringComparison.Ordinal);
    }

    private static RunRequest Request(string algorithm, string problem, long? maxEvals, long? maxIterations) => new()
    {
        AlgorithmId = algorithm,
        ProblemId = problem,
        Dimension = 6,
        Seed = 4242,
        Stop = new StopCriteria { MaxEvaluations = maxEvals, MaxIterations = maxIterations },
        Islands = new IslandSettings(3, MigrationInterval: 5, MigrationRate: 0.1),
    };

    private EvaluationSettings Peers(bool useLocal) => new()
    {
        Workers = 1,
        Peers = _peers.Select(p => p.Address.ToString()).ToArray(),
        UseLocal = useLocal,
        OnPeerLoss = PeerLossPolicy.Fail,
    };

    private async Task<(RunSummary Summary, RunDescription Description, List<IterationRecord> History)> RunAsync(RunRequest request, IRunObserver? extra = null)
    {
        var provider = new PeersEvaluatorProvider(new CpuEvaluatorProvider(), () => new ClusterCredentials(_key), _catalog);
        using var run = new RunPlanner(_catalog, provider).Prepare(request);
        var history = new History();
        IRunObserver[] observers = extra is null ? [history] : [history, extra];
        var summary = await RunLoop.RunAsync(run, observers, CancellationToken.None);
        return (summary, run.Description, history.Rows);
    }

    /// <summary>Every column of the history but the wall time, which is the one thing allowed to differ.</summary>
    private static string[] Rows(IEnumerable<IterationRecord> history) => history
        .Select(r => FormattableString.Invariant($"{r.Iteration} {r.Evaluations} {r.BestSoFar:R} {r.IterationBest:R} {r.Mean:R} {string.Join(',', r.Extras.Select(e => e.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}"))
        .ToArray();

    private sealed class History : IRunObserver
    {
        public List<IterationRecord> Rows { get; } = [];

        public void OnRunStarted(RunDescription run)
        {
        }

        public void OnIteration(IterationRecord record) => Rows.Add(record);

        public void OnRunFinished(RunSummary summary)
        {
        }
    }

    /// <summary>Does something (stops a peer) once the run reached a generation, and waits for it.</summary>
    private sealed class StopAfter(int generations, Func<Task> action) : IRunObserver
    {
        public void OnRunStarted(RunDescription run)
        {
        }

        public void OnIteration(IterationRecord record)
        {
            if (record.Iteration == generations)
            {
                action().GetAwaiter().GetResult();
            }
        }

        public void OnRunFinished(RunSummary summary)
        {
        }
    }
}

using Workbench.Conformance;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Specs;
using Workbench.Gpu;
using Workbench.Plugins;
using Workbench.Transport.Client;
using Workbench.Transport.Evaluation;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>Two real peers in this process, shared by the suite: starting Kestrel per test would dominate its time.</summary>
public sealed class TwoPeers : IAsyncLifetime
{
    public Security.ClusterKey Key { get; } = InProcessPeer.NewKey();

    public PluginCatalog Catalog { get; } = new(new PluginCatalogOptions { Directories = [WbProcess.BuiltInPlugins], Watch = false, SharedTypes = GpuPluginSharing.SharedTypes });

    public IReadOnlyList<InProcessPeer> Peers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Catalog.Load();
        Peers = [await InProcessPeer.StartAsync(Key, slots: 2, name: "one"), await InProcessPeer.StartAsync(Key, slots: 1, name: "two")];
    }

    public async Task DisposeAsync()
    {
        foreach (var peer in Peers)
        {
            await peer.DisposeAsync();
        }

        Catalog.Dispose();
    }

    public PeersEvaluator Evaluator(ProblemGuard problem, bool useLocal)
    {
        var cluster = new PeerCluster(Peers.Select(p => p.Address), new ClusterCredentials(Key));
        cluster.ProbeAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new PeersEvaluator(problem, cluster, new PluginShipper(Catalog), new PeersEvaluatorSettings { UseLocal = useLocal, LocalWorkers = 2 });
    }
}

/// <summary>The evaluator suite on the peers evaluator: work spread over two peers and this machine.</summary>
public sealed class PeersEvaluatorConformance(TwoPeers peers) : EvaluatorConformance, IClassFixture<TwoPeers>
{
    protected override IComponentCatalog Catalog => peers.Catalog;

    protected override ProblemSpec SpecOf(int dimension) => new SpecResolver(Catalog).Default("rastrigin", dimension);

    protected override IEvaluator Create(ProblemGuard problem) => peers.Evaluator(problem, useLocal: true);
}

/// <summary>The same suite with this machine only coordinating: every point goes over the wire.</summary>
public sealed class PeersOnlyEvaluatorConformance(TwoPeers peers) : EvaluatorConformance, IClassFixture<TwoPeers>
{
    protected override IComponentCatalog Catalog => peers.Catalog;

    protected override ProblemSpec SpecOf(int dimension) => new SpecResolver(Catalog).Default("ackley", dimension);

    protected override IEvaluator Create(ProblemGuard problem) => peers.Evaluator(problem, useLocal: false);

    [Fact]
    public async Task Reports_each_peers_share_of_the_points()
    {
        var problem = new SpecResolver(Catalog).CreateProblem(SpecOf(3));
        using var evaluator = Create(problem);
        var points = RandomPoints(problem, 3000, seed: 4);
        await evaluator.EvaluateAsync(points, new double[3000], CancellationToken.None);
        var report = ((PeersEvaluator)evaluator).Report();
        Assert.Equal(3000, report.Shares.Sum(s => s.Evaluations));
        Assert.Equal(["one", "two"], report.Shares.Select(s => s.Name).Order().ToArray());
        Assert.Equal(0, report.Redispatches);
    }

    [Fact]
    public async Task Refuses_a_problem_that_no_peer_could_recreate()
    {
        var inProcess = new SpecResolver(new StaticCatalog([], [new ShiftedSphereFactory()])).Default("shifted-sphere", 2);
        var problem = new SpecResolver(new StaticCatalog([], [new ShiftedSphereFactory()])).CreateProblem(inProcess);
        var e = Assert.Throws<Engine.RunSetupException>(() => Create(problem));
        Assert.Contains("not loaded from a plugin folder", e.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}

using Workbench.Transport.Functions;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>The C# API on peers: the objective travels as code (its assembly, by hash) to real `wb serve`
/// processes, and the result is the one a local run gives.</summary>
[Trait("kind", "process")]
public sealed class ApiPeersTests : IDisposable
{
    private readonly Lab _lab = new();

    private static double ShiftedSphere(double[] x) => x.Sum(v => (v - 0.25) * (v - 0.25));

    [Fact]
    public async Task A_static_method_and_a_lambda_that_captures_nothing_run_on_peers_with_the_local_result()
    {
        await using var one = await _lab.StartPeerAsync("api-one");
        await using var two = await _lab.StartPeerAsync("api-two");
        var local = new OptimizeOptions { Seed = 9, MaxEvaluations = 1500, Workers = 1 };
        var spread = local with { Peers = [one.Address, two.Address], KeyFile = _lab.KeyFile, UseLocal = false };

        var expected = Optimize.Minimize(ShiftedSphere, -5, 5, 4, "pso", local);
        var actual = Optimize.Minimize(ShiftedSphere, -5, 5, 4, "pso", spread);
        Assert.Equal(expected.BestValue, actual.BestValue);
        Assert.Equal(expected.History.Select(h => h.BestSoFar), actual.History.Select(h => h.BestSoFar));

        var lambdaLocal = Optimize.Maximize(x => -Math.Abs(x[0] - 1) - Math.Abs(x[1]), -3, 3, 2, "cmaes", local);
        var lambdaPeers = Optimize.Maximize(x => -Math.Abs(x[0] - 1) - Math.Abs(x[1]), -3, 3, 2, "cmaes", spread);
        Assert.Equal(lambdaLocal.BestValue, lambdaPeers.BestValue);
        Assert.Equal("peers", lambdaPeers.Run.Evaluator);
        Assert.True(Directory.GetDirectories(Path.Combine(one.DataDirectory, "workbench", "peer-plugins", "functions")).Length >= 1);
    }

    [Fact]
    public async Task Islands_of_a_csharp_objective_run_one_per_peer_with_the_local_history()
    {
        await using var one = await _lab.StartPeerAsync("isle-one");
        await using var two = await _lab.StartPeerAsync("isle-two");
        var local = new OptimizeOptions { Seed = 3, MaxEvaluations = 2500, Workers = 1, Islands = new Engine.Running.IslandSettings(2, MigrationInterval: 4) };
        var spread = local with { Peers = [one.Address, two.Address], KeyFile = _lab.KeyFile, UseLocal = false };

        var expected = Optimize.Minimize(ShiftedSphere, -5, 5, 3, "ga", local);
        var actual = Optimize.Minimize(ShiftedSphere, -5, 5, 3, "ga", spread);
        Assert.Equal("islands", actual.Run.Evaluator);
        Assert.Equal(expected.History.Select(h => (h.Evaluations, h.BestSoFar, h.Mean)), actual.History.Select(h => (h.Evaluations, h.BestSoFar, h.Mean)));
    }

    private static double[] Moments(int seed)
    {
        var random = new Random(seed);
        var xs = Enumerable.Range(0, 1000).Select(_ => random.NextDouble()).ToArray();
        return [xs.Average(), xs.Select(x => x * x).Average()];
    }

    [Fact]
    public async Task Map_of_a_csharp_function_runs_on_peers_with_outputs_in_input_order()
    {
        await using var peer = await _lab.StartPeerAsync("mapper", cpus: 2);
        var inputs = Enumerable.Range(0, 40).ToArray();
        var local = Cluster.Map<int, double[]>(Moments, inputs);
        var remote = Cluster.Map<int, double[]>(Moments, inputs, new MapOptions { Peers = [peer.Address], KeyFile = _lab.KeyFile, UseLocal = false });
        Assert.Equal(local.Select(m => m[0]), remote.Select(m => m[0]));
        Assert.Equal(local.Select(m => m[1]), remote.Select(m => m[1]));
        var squares = Cluster.Map<long, long>(x => x * x, [1, 2, 3], new MapOptions { Peers = [peer.Address], KeyFile = _lab.KeyFile, UseLocal = false });
        Assert.Equal([1L, 4, 9], squares);
        var failed = Assert.Throws<MapFailedException>(() => Cluster.Map<long, long>(x => x == 2 ? throw new InvalidOperationException("two") : x, [1, 2, 3],
            new MapOptions { Peers = [peer.Address], KeyFile = _lab.KeyFile, UseLocal = false }));
        Assert.Contains("inputs 1", failed.Message, StringComparison.Ordinal);
        Assert.Contains("two", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lambda_that_captures_state_is_refused_saying_why()
    {
        var offset = 0.5;
        var options = new OptimizeOptions { Seed = 1, MaxEvaluations = 100, Peers = ["127.0.0.1:9"], KeyFile = _lab.KeyFile };
        var e = Assert.Throws<FunctionNotPortableException>(() => Optimize.Minimize(x => x.Sum(v => v * v) + offset, -1, 1, 2, "pso", options));
        Assert.Contains("captures offset", e.Message, StringComparison.Ordinal);
        var mapped = Assert.Throws<FunctionNotPortableException>(() => Cluster.Map<long, double>(x => x + offset, [1], new MapOptions { Peers = ["127.0.0.1:9"], KeyFile = _lab.KeyFile }));
        Assert.Contains("captures offset", mapped.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _lab.Dispose();
}

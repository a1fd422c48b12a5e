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
    public void A_lambda_that_captures_state_is_refused_saying_why()
    {
        var offset = 0.5;
        var options = new OptimizeOptions { Seed = 1, MaxEvaluations = 100, Peers = ["127.0.0.1:9"], KeyFile = _lab.KeyFile };
        var e = Assert.Throws<FunctionNotPortableException>(() => Optimize.Minimize(x => x.Sum(v => v * v) + offset, -1, 1, 2, "pso", options));
        Assert.Contains("captures offset", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _lab.Dispose();
}

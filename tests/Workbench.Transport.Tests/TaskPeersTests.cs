using Workbench.Conformance;
using Workbench.Engine.Tasks;
using Workbench.Gpu;
using Workbench.Plugins;
using Workbench.Transport.Client;
using Workbench.Transport.Tasks;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>Parallel tasks whose nodes run on peers and whose tubes cross the network (real Kestrel peers in this
/// process; the tube test plugin is shipped to them by hash, as any plugin they lack).</summary>
[Trait("kind", "process")]
public sealed class TaskPeersTests : IAsyncLifetime
{
    private readonly Security.ClusterKey _key = InProcessPeer.NewKey();
    private readonly PluginCatalog _catalog = new(new PluginCatalogOptions
    {
        Directories = [WbProcess.BuiltInPlugins, Path.Combine(AppContext.BaseDirectory, "testplugins")],
        Watch = false,
        SharedTypes = GpuPluginSharing.SharedTypes,
    });

    private readonly List<InProcessPeer> _peers = [];

    public async Task InitializeAsync()
    {
        _catalog.Load();
        for (var i = 0; i < 2; i++)
        {
            _peers.Add(await InProcessPeer.StartAsync(_key, slots: 1, name: $"node-host-{i}"));
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

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Heat_on_peers_gives_the_local_result_bit_for_bit(int nodes)
    {
        var options = new Dictionary<string, string> { ["grid"] = "61", ["steps"] = "40" };
        var local = new TaskRunner().Run(_catalog.Task("heat"), options, 7, nodes);
        using var cluster = Cluster();
        var remote = new TaskRunner(Runtime(cluster)).Run(_catalog.Task("heat"), options, 7, nodes);
        Assert.Equal(local.Sha256, remote.Sha256);
        Assert.Equal(nodes, remote.Nodes.Count);
        Assert.All(remote.Nodes, n => Assert.True(n.Succeeded));
        Assert.Equal(local.Nodes.Select(n => (n.Pushed, n.Popped)), remote.Nodes.Select(n => (n.Pushed, n.Popped)));
    }

    [Fact]
    public void Values_and_credits_flow_back_and_forth_through_bounded_tubes()
    {
        using var cluster = Cluster();
        var result = new TaskRunner(Runtime(cluster, capacity: 4)).Run(_catalog.Task("tubes"), Options("echo", 500), 1);
        // Node 0 returns what node 1 echoed back: the sum of the 500 values it sent (0..499).
        Assert.Equal(499L * 500 / 2, result.Result.Value.AsInteger());
    }

    [Fact]
    public async Task Async_pushes_wait_for_credit_and_a_completed_tube_ends_the_receivers_loop_as_locally()
    {
        using var cluster = Cluster();
        var options = Options("async-echo", 300);
        var local = await new TaskRunner().RunAsync(_catalog.Task("tubes"), options, 1);
        // 300 values through a tube of 4: node 0's PushAsync waits for credit about 75 times.
        var remote = await new TaskRunner(Runtime(cluster, capacity: 4)).RunAsync(_catalog.Task("tubes"), options, 1);
        Assert.Equal(299L * 300 / 2, remote.Result.Value.AsInteger());
        Assert.Equal(local.Sha256, remote.Sha256);
    }

    [Fact]
    public void A_tube_completed_with_an_error_fails_the_receiver_with_the_senders_reason()
    {
        using var cluster = Cluster();
        var failure = Assert.Throws<ParallelTaskException>(() => new TaskRunner(Runtime(cluster)).Run(_catalog.Task("tubes"), Options("complete-with-error", 0), 1));
        Assert.Equal(1, failure.Node);
        Assert.Contains("tube 'data' was completed by node 0 with an error: sensor 3 failed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sender_ahead_of_a_full_tube_waits_and_a_deadlock_it_causes_is_named()
    {
        using var cluster = Cluster();
        // Fits in the tube: completes. One more than fits: node 0 waits for credit that node 1 will never give.
        Assert.Equal(6L, new TaskRunner(Runtime(cluster, capacity: 4)).Run(_catalog.Task("tubes"), Options("stream", 4), 1).Result.Value.AsInteger());
        var deadlock = Assert.Throws<TaskDeadlockException>(() => new TaskRunner(Runtime(cluster, capacity: 4)).Run(_catalog.Task("tubes"), Options("stream", 5), 1));
        Assert.Contains("node 0 waits on 'data (full: waits for credit)'", deadlock.Message, StringComparison.Ordinal);
        Assert.Contains("node 1 waits on 'go'", deadlock.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_waiting_on_each_other_across_peers_are_a_deadlock()
    {
        using var cluster = Cluster();
        var deadlock = Assert.Throws<TaskDeadlockException>(() => new TaskRunner(Runtime(cluster)).Run(_catalog.Task("tubes"), Options("deadlock", 0), 1));
        Assert.Contains("node 0 waits on 'done'", deadlock.Message, StringComparison.Ordinal);
        Assert.Contains("node 1 waits on 'data'", deadlock.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_throws_fails_the_task_naming_node_and_peer()
    {
        using var cluster = Cluster();
        var failure = Assert.Throws<ParallelTaskException>(() => new TaskRunner(Runtime(cluster)).Run(_catalog.Task("tubes"), Options("fail", 0), 1));
        Assert.Equal(1, failure.Node);
        Assert.Contains("node one gave up", failure.Message, StringComparison.Ordinal);
        Assert.Contains("node-host-1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_task_stops_every_node_on_every_peer()
    {
        using var cluster = Cluster();
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() => new TaskRunner(Runtime(cluster)).Run(_catalog.Task("tubes"), Options("hang", 0), 1, cancellationToken: cancel.Token));
        await WaitForAsync(cluster, nodes => nodes == 2);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await WaitForAsync(cluster, nodes => nodes == 0);
    }

    [Fact]
    public async Task A_lost_peer_fails_the_task_naming_node_and_peer()
    {
        using var cluster = Cluster();
        var run = Task.Run(() => new TaskRunner(Runtime(cluster)).Run(_catalog.Task("tubes"), Options("hang", 0), 1));
        await WaitForAsync(cluster, nodes => nodes == 2);
        await _peers[1].DisposeAsync();
        _peers.RemoveAt(1);
        var failure = await Assert.ThrowsAsync<ParallelTaskException>(() => run);
        Assert.Equal(1, failure.Node);
        Assert.Contains("lost node 1 of 2 with peer node-host-1", failure.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Options(string mode, int values) => new() { ["mode"] = mode, ["values"] = values.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private PeerCluster Cluster() => PeerCluster.Open(_peers.Select(p => p.Address.ToString()).ToArray(), () => new ClusterCredentials(_key));

    private PeerTaskRuntime Runtime(PeerCluster cluster, int capacity = 64) =>
        new(cluster, new PluginShipper(_catalog), new PeerTaskSettings { TubeCapacity = capacity, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>Polls the peers until the nodes they run, together, satisfy the condition (at most 15 s).</summary>
    private static async Task WaitForAsync(PeerCluster cluster, Func<int, bool> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            var nodes = 0;
            foreach (var peer in cluster.Peers)
            {
                nodes += (await peer.HelloAsync(CancellationToken.None)).Nodes;
            }

            if (condition(nodes))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the peers never reached the expected number of running nodes");
    }
}

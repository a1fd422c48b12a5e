using Workbench.Tui.Cluster;

namespace Workbench.Tui.Tests.Unit;

public sealed class ClusterModelTests
{
    private readonly FakeCluster _cluster = new();

    [Fact]
    public async Task Starts_from_the_peer_list_and_shows_every_peer_as_probed()
    {
        var model = new ClusterModel(_cluster, " a:1, downhost:2 ,a:1");
        Assert.Equal(["a:1", "downhost:2"], model.Entries);

        Assert.True(model.Apply(await model.ProbeAsync(CancellationToken.None)));

        Assert.Equal(["a:1", "downhost:2"], model.Peers.Select(p => p.Address));
        Assert.True(model.Peers[0].Reachable);
        Assert.False(model.Peers[1].Reachable);
        Assert.Equal("connection refused", model.Peers[1].Reason);
    }

    [Fact]
    public async Task Add_checks_the_text_and_a_probe_taken_before_an_add_is_not_shown_after_it()
    {
        var model = new ClusterModel(_cluster, null);
        Assert.Contains("type an address", model.Add("  "), StringComparison.Ordinal);
        Assert.Contains("invalid", model.Add("a b"), StringComparison.Ordinal);
        Assert.Empty(model.Entries);

        var stale = await model.ProbeAsync(CancellationToken.None);
        Assert.Equal("added x:1, y; probing...", model.Add("x:1,y"));
        Assert.Equal("x:1 already in the list", model.Add("x:1"));
        Assert.False(model.Apply(stale));

        Assert.True(model.Apply(await model.ProbeAsync(CancellationToken.None)));
        Assert.Equal(["x:1", "y:7760"], model.Peers.Select(p => p.Address));
    }

    [Fact]
    public async Task Remove_drops_the_entry_that_names_the_peer_even_without_its_port()
    {
        var model = new ClusterModel(_cluster, "x:1,y");
        model.Apply(await model.ProbeAsync(CancellationToken.None));

        Assert.Equal("removed y", model.Remove(model.Peers[1]));
        Assert.Equal(["x:1"], model.Entries);
        Assert.Equal(["x:1"], model.Peers.Select(p => p.Address));
        Assert.Equal("no peer selected", model.Remove(null));
        Assert.Contains("comes from a list entry", model.Remove(FakeCluster.Up("other:5", 1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_slots_calls_the_peer_and_says_what_it_shares_now()
    {
        var model = new ClusterModel(_cluster, "x:1,downhost:2");
        model.Apply(await model.ProbeAsync(CancellationToken.None));

        Assert.Equal("peer-x: 3 cpu slots shared, 0 busy (running work goes on)", await model.SetSlotsAsync(model.Peers[0], " 3 ", CancellationToken.None));
        Assert.Equal("could not set slots on downhost:2: connection refused", await model.SetSlotsAsync(model.Peers[1], "3", CancellationToken.None));
        Assert.Contains("invalid", await model.SetSlotsAsync(model.Peers[0], "-1", CancellationToken.None), StringComparison.Ordinal);
        Assert.Contains("no peer selected", await model.SetSlotsAsync(null, "2", CancellationToken.None), StringComparison.Ordinal);
        Assert.Equal(["slots x:1 3", "slots downhost:2 3"], _cluster.Calls.Where(c => c.StartsWith("slots", StringComparison.Ordinal)));

        model.Apply(await model.ProbeAsync(CancellationToken.None));
        Assert.Equal(3, model.Peers[0].CpuSlots);
    }

    [Fact]
    public async Task Sharing_this_machine_shows_the_address_others_use_and_zero_stops()
    {
        var model = new ClusterModel(_cluster, null);
        Assert.Contains("not shared", model.ShareLine(), StringComparison.Ordinal);

        Assert.Equal("sharing 2 core(s) of this machine at thishost:7760", await model.ShareAsync("2", CancellationToken.None));
        Assert.Equal("this machine is shared at thishost:7760 (others: --peers thishost:7760)", model.ShareLine());

        Assert.Equal("this machine is not shared", await model.ShareAsync("0", CancellationToken.None));
        Assert.Contains("invalid", await model.ShareAsync("two", CancellationToken.None), StringComparison.Ordinal);
        Assert.Equal(["share 2", "share 0"], _cluster.Calls);
    }

    [Fact]
    public async Task A_failing_cluster_becomes_one_line_messages_and_keeps_the_last_rows()
    {
        var model = new ClusterModel(_cluster, "x:1");
        model.Apply(await model.ProbeAsync(CancellationToken.None));
        _cluster.Fail = new FileNotFoundException("cluster key file /nowhere/cluster.key not found:\nrun wb key new");

        var probe = await model.ProbeAsync(CancellationToken.None);
        Assert.True(model.Apply(probe));
        Assert.Equal("probing the peers failed: cluster key file /nowhere/cluster.key not found: run wb key new", probe.Error);
        Assert.Single(model.Peers);
        Assert.StartsWith("could not set slots on x:1: cluster key file", await model.SetSlotsAsync(model.Peers[0], "2", CancellationToken.None), StringComparison.Ordinal);
        Assert.StartsWith("could not share this machine: cluster key file", await model.ShareAsync("1", CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public void The_run_screen_peers_are_merged_once_per_change()
    {
        var model = new ClusterModel(_cluster, "x:1");
        Assert.True(model.MergeRunPeers("x:1,y:2"));
        Assert.Equal(["x:1", "y:2"], model.Entries);
        model.Remove(FakeCluster.Up("y:2", 1));

        Assert.False(model.MergeRunPeers("x:1,y:2"));
        Assert.Equal(["x:1"], model.Entries);
        Assert.False(model.MergeRunPeers("bad entry"));
        Assert.True(model.MergeRunPeers("@peers.txt"));
        Assert.Equal(["x:1", "@peers.txt"], model.Entries);
    }

    [Fact]
    public void Table_cells_and_the_detail_line_say_what_a_peer_shares_or_why_it_is_down()
    {
        var up = FakeCluster.Up("x:1", 4) with { CpuBusy = 2 };
        Assert.Equal(["x:1", "peer-x", "up", "2/4", "0", "0.25", "1.5", "pso,sphere"], PeerText.Cells(up));
        Assert.Equal("peer-x at x:1 up, wb 0.1.0 contract 1: 4 cpu slots shared, 2 busy, 0 gpu; plugins: pso, sphere", PeerText.Detail(up));

        var down = new Engine.Cluster.PeerStatus("d:1", false, "refused", null, null, null, null, null, null, null, null, []);
        Assert.Equal(["d:1", "-", "down", "-", "-", "-", "-", "-"], PeerText.Cells(down));
        Assert.Equal("d:1 down: refused", PeerText.Detail(down));
        Assert.StartsWith("no peers", PeerText.Detail(null), StringComparison.Ordinal);
    }
}

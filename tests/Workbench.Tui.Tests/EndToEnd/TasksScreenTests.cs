using Workbench.Conformance;

namespace Workbench.Tui.Tests.EndToEnd;

[Trait("kind", "end-to-end")]
[Collection(TerminalCollection.Name)]
public sealed class TasksScreenTests
{
    [Fact]
    public void Heat_equation_and_monte_carlo_pi_run_with_per_node_progress_and_a_field_map()
    {
        using var tui = TmuxSession.Start();
        tui.WaitFor("cmaes on ackley");
        tui.SendKeys("F4");
        tui.WaitFor("heat");
        tui.SendKeys("F5");
        tui.WaitFor("map = final field");
        Assert.Contains("node 0", tui.LastScreen);
        Assert.Contains("done", tui.LastScreen);
        Assert.Matches("[@%#]", tui.LastScreen);

        tui.SendKeys("Down");
        tui.SendKeys("F5");
        tui.WaitFor("pi:");
        tui.WaitFor(s => s.Contains("task pi finished", StringComparison.Ordinal), "pi to finish", seconds: 30);
    }

    [Fact]
    public async Task The_heat_equation_runs_its_nodes_on_peers_named_in_the_peers_field()
    {
        var lab = Directory.CreateTempSubdirectory("wb-tui-tasks-").FullName;
        var key = Path.Combine(lab, "cluster.key");
        try
        {
            var made = await WbProcess.RunAsync(["key", "new", "--key-file", key]);
            Assert.True(made.ExitCode == 0, made.StdErr);
            using var one = await ServePeer.StartAsync(key, "taskpeer1", cpus: 1);
            using var two = await ServePeer.StartAsync(key, "taskpeer2", cpus: 1);
            var peers = $"{one.Address},{two.Address}";
            using var tui = TmuxSession.Start(width: 200, environment: new Dictionary<string, string> { ["WORKBENCH_PEERS"] = peers }, extraArgs: ["ui", "--key-file", key]);
            tui.WaitFor("F4");
            tui.SendKeys("F4");
            tui.WaitFor("heat");
            tui.SendKeys("F5");
            tui.WaitFor(s => s.Contains("map = final field", StringComparison.Ordinal), "heat on peers to finish", seconds: 60);
            Assert.True(tui.LastScreen.Contains("2 nodes on peers", StringComparison.Ordinal), tui.LastScreen);
            // The default heat task's field is the same wherever its nodes run (the CLI tests pin the full hash).
            Assert.True(tui.LastScreen.Contains("sha256 651369e11edd", StringComparison.Ordinal), tui.LastScreen);
        }
        finally
        {
            Directory.Delete(lab, recursive: true);
        }
    }
}

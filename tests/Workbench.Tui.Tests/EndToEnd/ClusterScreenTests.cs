using System.Text.Json;
using Workbench.Conformance;

namespace Workbench.Tui.Tests.EndToEnd;

[Trait("kind", "end-to-end")]
[Collection(TerminalCollection.Name)]
public sealed class ClusterScreenTests
{
    [Fact]
    public async Task Shows_a_real_peer_changes_its_slots_and_shares_this_machine()
    {
        var lab = Directory.CreateTempSubdirectory("wb-tui-cluster-").FullName;
        var key = Path.Combine(lab, "cluster.key");
        try
        {
            var made = await WbProcess.RunAsync(["key", "new", "--key-file", key]);
            Assert.True(made.ExitCode == 0, made.StdErr);
            using var peer = await ServePeer.StartAsync(key, "tuipeer", cpus: 1);
            using var tui = TmuxSession.Start(environment: new Dictionary<string, string> { ["WORKBENCH_PEERS"] = peer.Address }, extraArgs: ["ui", "--key-file", key]);
            tui.WaitFor("F10 Cluster");
            tui.SendKeys("F10");
            tui.WaitFor($"tuipeer at {peer.Address} up");

            tui.TabUntil("F8 sets them");
            tui.Type("3");
            tui.SendKeys("F8");
            tui.WaitFor("tuipeer: 3 cpu slots shared");
            var peers = await WbProcess.RunAsync(["peers", "--peers", peer.Address, "--key-file", key, "--json"]);
            Assert.True(peers.ExitCode == 0, peers.StdErr);
            Assert.Equal(3, JsonDocument.Parse(peers.StdOut).RootElement[0].GetProperty("cpuSlots").GetInt32());

            tui.TabUntil("F9 shares them");
            tui.SendKeys("F9");
            tui.WaitFor($"shared at {Environment.MachineName}:");
        }
        finally
        {
            Directory.Delete(lab, recursive: true);
        }
    }
}

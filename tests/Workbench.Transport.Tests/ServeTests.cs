using System.Diagnostics;
using System.Text.Json;
using Workbench.Conformance;
using Xunit;

// Peers run on Linux here (key-file modes, signals, network namespaces).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Workbench.Transport.Tests;

/// <summary>`wb serve`, `wb key` and `wb peers` as a user meets them: keys, refusals, draining, shipping.</summary>
[Trait("kind", "process")]
public sealed class ServeTests : IDisposable
{
    private readonly Lab _lab = new();

    [Fact]
    public async Task Key_new_writes_an_owner_only_key_and_refuses_to_overwrite_it()
    {
        var path = Path.Combine(_lab.Directory, "fresh", "cluster.key");
        var first = await WbProcess.RunAsync(["key", "new", "--key-file", path]);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.DoesNotContain(File.ReadAllText(path).Trim(), first.StdOut + first.StdErr, StringComparison.Ordinal);
        var again = await WbProcess.RunAsync(["key", "new", "--key-file", path]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_file_readable_by_others_is_refused_by_peers_and_clients()
    {
        File.SetUnixFileMode(_lab.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var serve = await _lab.WbAsync("serve", "--listen", "127.0.0.1:0");
        Assert.Equal(2, serve.ExitCode);
        Assert.Contains("readable by group or others (mode 0644)", serve.StdErr, StringComparison.Ordinal);
        var run = await _lab.WbAsync("run", "-a", "pso", "-p", "sphere", "-d", "2", "--max-evals", "100", "--peers", "127.0.0.1:9");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("chmod 600", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_without_a_key_starts_only_insecure_and_only_on_loopback()
    {
        var missing = await WbProcess.RunAsync(["serve", "--listen", "127.0.0.1:0", "--key-file", Path.Combine(_lab.Directory, "none.key")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("wb key new", missing.StdErr, StringComparison.Ordinal);
        var everywhere = await WbProcess.RunAsync(["serve", "--insecure", "--listen", "0.0.0.0:0"]);
        Assert.Equal(2, everywhere.ExitCode);
        Assert.Contains("loopback only", everywhere.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_is_logged_without_any_key()
    {
        await using var peer = await _lab.StartPeerAsync("guarded");
        var otherKey = Path.Combine(_lab.Directory, "other.key");
        await WbProcess.RunAsync(["key", "new", "--key-file", otherKey]);
        var result = await WbProcess.RunAsync(["peers", "--peers", peer.Address, "--key-file", otherKey, "--json"]);
        Assert.Equal(0, result.ExitCode);
        var row = JsonDocument.Parse(result.StdOut).RootElement[0];
        Assert.False(row.GetProperty("reachable").GetBoolean());
        Assert.Contains("bad signature", row.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Contains("refused /workbench.peer.v1.Peer/Hello", peer.StdErr, StringComparison.Ordinal);
        foreach (var key in new[] { _lab.KeyFile, otherKey }.Select(f => File.ReadAllText(f).Trim()))
        {
            Assert.DoesNotContain(key, peer.StdErr + peer.StdOut + result.StdOut + result.StdErr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Peers_lists_every_peer_with_its_slots_plugins_and_round_trip_and_says_why_one_is_down()
    {
        await using var peer = await _lab.StartPeerAsync("lister", cpus: 3);
        var result = await _lab.WbAsync("peers", "--peers", $"{peer.Address},127.0.0.1:{PeerProcess.FreePort()}", "--json");
        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.StdOut).RootElement;
        var up = rows[0];
        Assert.True(up.GetProperty("reachable").GetBoolean());
        Assert.Equal("lister", up.GetProperty("name").GetString());
        Assert.Equal(3, up.GetProperty("cpuSlots").GetInt32());
        Assert.Equal(3, up.GetProperty("cpuFree").GetInt32());
        Assert.Equal(Contracts.WorkbenchContract.Version, up.GetProperty("contractVersion").GetInt32());
        Assert.True(up.GetProperty("roundTripMs").GetDouble() > 0);
        Assert.Contains(up.GetProperty("plugins").EnumerateArray(), p => p.GetProperty("id").GetString() == "benchmarks");
        var down = rows[1];
        Assert.False(down.GetProperty("reachable").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(down.GetProperty("reason").GetString()));
        var list = Path.Combine(_lab.Directory, "peers.txt");
        File.WriteAllLines(list, ["# the lab", peer.Address]);
        var text = await _lab.WbAsync("peers", "--peers", "@" + list);
        Assert.Contains("lister", text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_drains_running_work_and_exits_within_ten_seconds()
    {
        await using var peer = await _lab.StartPeerAsync("drainer");
        // One slot busy for about 3 s per chunk: SIGTERM arrives while a chunk runs.
        var run = _lab.RunAsync("-a", "pso", "-p", "sphere", "-d", "2", "--seed", "3", "--max-evals", "8", "-o", "swarm-size=4",
            "--problem-option", "pause-ms=1500", "--peers", peer.Address, "--no-local");
        await peer.WaitForRunAsync();
        var clock = Stopwatch.StartNew();
        peer.Signal("TERM");
        Assert.True(await peer.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the peer did not exit within 10 s of SIGTERM");
        Assert.Equal(0, peer.ExitCode);
        Assert.Contains("draining", peer.StdErr, StringComparison.Ordinal);
        Assert.Contains("stopped", peer.StdOut, StringComparison.Ordinal);
        var summary = await run;
        Assert.Equal(8, summary.GetProperty("evaluations").GetInt64());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_plugin_the_peer_lacks_is_shipped_verified_cached_and_used()
    {
        var plugins = Path.Combine(AppContext.BaseDirectory, "testplugins");
        await using var peer = await _lab.StartPeerAsync("receiver");
        string[] run = ["-a", "pso", "-p", "alpha-sphere", "-d", "3", "--seed", "5", "--max-evals", "400", "--plugins", plugins];
        var local = await _lab.RunAsync([.. run, "--workers", "1"]);
        var shipped = await _lab.RunAsync([.. run, "--peers", peer.Address, "--no-local"]);
        Assert.Equal(await _lab.HistoryAsync(local), await _lab.HistoryAsync(shipped));
        Assert.Equal(["receiver"], Lab.SpreadNames(shipped));
        var cached = Directory.GetDirectories(Path.Combine(peer.DataDirectory, "workbench", "peer-plugins"));
        Assert.Single(cached);
        Assert.True(File.Exists(Path.Combine(cached[0], "AlphaPlugin", "AlphaPlugin.dll")));
        Assert.Contains("installed plugin AlphaPlugin", peer.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_without_code_shipping_names_the_plugin_it_lacks()
    {
        var plugins = Path.Combine(AppContext.BaseDirectory, "testplugins");
        await using var peer = await _lab.StartPeerAsync("own-only", 1, 0, "--no-code-shipping");
        var result = await _lab.WbAsync("run", "-a", "pso", "-p", "alpha-sphere", "-d", "3", "--seed", "5", "--max-evals", "400", "--plugins", plugins,
            "--peers", peer.Address, "--no-local", "--on-peer-loss", "fail");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("alpha-sphere", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--no-code-shipping", result.StdErr, StringComparison.Ordinal);
        var cache = Path.Combine(peer.DataDirectory, "workbench", "peer-plugins");
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFileSystemEntries(cache).Any(), "a refused plugin was stored");
    }

    [Fact]
    public async Task A_peer_serves_over_tls_to_clients_that_trust_its_certificate()
    {
        var cert = Path.Combine(_lab.Directory, "peer.pem");
        var key = Path.Combine(_lab.Directory, "peer.key");
        var openssl = Process.Start(new ProcessStartInfo("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]) { RedirectStandardError = true })!;
        await openssl.WaitForExitAsync();
        Assert.Equal(0, openssl.ExitCode);
        await using var peer = await _lab.StartPeerAsync("tls", 1, 0, "--tls-cert", cert, "--tls-key", key);
        var trusted = await _lab.WbAsync("peers", "--peers", $"https://{peer.Address}", "--tls-ca", cert, "--json");
        Assert.True(JsonDocument.Parse(trusted.StdOut).RootElement[0].GetProperty("reachable").GetBoolean(), trusted.StdOut);
        var untrusted = await _lab.WbAsync("peers", "--peers", $"https://{peer.Address}", "--json");
        Assert.False(JsonDocument.Parse(untrusted.StdOut).RootElement[0].GetProperty("reachable").GetBoolean());
        var cleartext = await _lab.WbAsync("peers", "--peers", peer.Address, "--json");
        Assert.False(JsonDocument.Parse(cleartext.StdOut).RootElement[0].GetProperty("reachable").GetBoolean());
    }

    public void Dispose() => _lab.Dispose();
}

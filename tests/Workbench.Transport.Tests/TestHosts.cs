using System.Diagnostics;
using System.Globalization;

namespace Workbench.Transport.Tests;

/// <summary>Test hosts of their own: network namespaces, each joined to this one by a veth pair on a /30 of the
/// link-local range (169.254.213.0/24), so peers listen on addresses that are not loopback and traffic crosses a
/// real (virtual) link. Everything is created here and deleted on dispose; nothing is routed anywhere else.</summary>
public sealed class TestHosts : IDisposable
{
    private readonly List<string> _namespaces = [];
    private readonly string _prefix = "wbt" + (Environment.ProcessId % 100_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Null when namespaces can be made here, else why not (not root, no `ip`, not permitted).</summary>
    public static string? WhyNot()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces need Linux";
        }

        if (Environment.UserName != "root")
        {
            return $"network namespaces need root (running as {Environment.UserName})";
        }

        var probe = "wbprobe" + (Environment.ProcessId % 100_000).ToString(CultureInfo.InvariantCulture);
        var (code, output) = Ip("netns", "add", probe);
        if (code != 0)
        {
            return $"`ip netns add` is not permitted here: {output.Trim()}";
        }

        Ip("netns", "del", probe);
        return null;
    }

    /// <summary>Creates host number <paramref name="index"/> (0..62) and returns its namespace and address.</summary>
    public (string Namespace, string Address) Add(int index)
    {
        var ns = $"{_prefix}-{index}";
        var outside = $"{_prefix}o{index}";
        var inside = $"{_prefix}i{index}";
        var hostAddress = $"169.254.213.{(4 * index) + 2}";
        Run("netns", "add", ns);
        _namespaces.Add(ns);
        Run("link", "add", outside, "type", "veth", "peer", "name", inside);
        Run("link", "set", inside, "netns", ns);
        Run("addr", "add", $"169.254.213.{(4 * index) + 1}/30", "dev", outside);
        Run("link", "set", outside, "up");
        Run("-n", ns, "addr", "add", $"{hostAddress}/30", "dev", inside);
        Run("-n", ns, "link", "set", inside, "up");
        Run("-n", ns, "link", "set", "lo", "up");
        return (ns, hostAddress);
    }

    /// <summary>Gives the hosts one name in /etc/hosts (resolved with `multi on`, as a DNS name with several
    /// records would be: a Kubernetes headless service, say); removed on dispose.</summary>
    public string Name(params string[] addresses)
    {
        var name = $"{_prefix}-cluster.test";
        var lines = addresses.Select(a => $"{a} {name} # {Marker}");
        File.AppendAllLines(HostsFile, lines);
        _named = true;
        return name;
    }

    private const string HostsFile = "/etc/hosts";
    private const string Marker = "workbench test host";
    private bool _named;

    public void Dispose()
    {
        if (_named)
        {
            File.WriteAllLines(HostsFile, File.ReadAllLines(HostsFile).Where(l => !l.EndsWith("# " + Marker, StringComparison.Ordinal)));
        }

        // Deleting a namespace destroys its end of the veth pair, and with it the pair.
        foreach (var ns in _namespaces)
        {
            Ip("netns", "del", ns);
        }
    }

    private static void Run(params string[] args)
    {
        var (code, output) = Ip(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', args)} failed: {output.Trim()}");
        }
    }

    private static (int Code, string Output) Ip(params string[] args)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}

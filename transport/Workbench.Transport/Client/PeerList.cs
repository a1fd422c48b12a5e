namespace Workbench.Transport.Client;

/// <summary>How a cluster is named: <c>--peers HOST:PORT,...</c>, <c>--peers @FILE</c> (one address a line,
/// <c>#</c> comments), <c>@slurm[:PORT]</c> (every node of the Slurm job, from <c>SLURM_JOB_NODELIST</c>),
/// <c>dns:NAME[:PORT]</c> (every address NAME resolves to, such as a Kubernetes headless service), or the
/// environment variable <c>WORKBENCH_PEERS</c> (same forms).</summary>
public static class PeerList
{
    public const string EnvironmentVariable = "WORKBENCH_PEERS";

    /// <summary>The peers named by <paramref name="option"/>, else by the environment; empty when neither names any.</summary>
    /// <exception cref="FormatException">A bad address or an unreadable file; the message names it.</exception>
    public static IReadOnlyList<PeerAddress> Resolve(string? option)
    {
        var text = !string.IsNullOrWhiteSpace(option) ? option : Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(text) ? [] : Parse(text);
    }

    public static IReadOnlyList<PeerAddress> Parse(string text)
    {
        var trimmed = text.Trim();
        IEnumerable<string> items;
        if (trimmed == "@slurm" || trimmed.StartsWith("@slurm:", StringComparison.Ordinal))
        {
            var nodes = Environment.GetEnvironmentVariable("SLURM_JOB_NODELIST")
                ?? throw new FormatException("@slurm: SLURM_JOB_NODELIST is not set (is this inside a Slurm job?)");
            var port = trimmed.Length > 6 ? trimmed[7..] : ProtocolHeaders.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            items = HostList.Expand(nodes).Select(host => $"{host}:{port}");
        }
        else if (trimmed.StartsWith("dns:", StringComparison.Ordinal))
        {
            items = ResolveName(trimmed[4..]);
        }
        else if (trimmed.StartsWith('@'))
        {
            var path = trimmed[1..];
            try
            {
                items = File.ReadAllLines(path).Select(l => l.Split('#')[0]).SelectMany(l => l.Split(',', ' ', '\t'));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FormatException($"cannot read the peer list {path}: {e.Message}");
            }
        }
        else
        {
            items = trimmed.Split(',');
        }

        var addresses = items.Select(i => i.Trim()).Where(i => i.Length > 0).SelectMany(i => i.StartsWith("dns:", StringComparison.Ordinal) ? ResolveName(i[4..]) : [i])
            .Select(PeerAddress.Parse).Distinct().ToArray();
        return addresses.Length > 0 ? addresses : throw new FormatException($"'{text}' names no peer");
    }

    /// <summary>Every address a name resolves to, each with the port (a headless service lists one per pod).</summary>
    private static IEnumerable<string> ResolveName(string nameAndPort)
    {
        var address = PeerAddress.Parse(nameAndPort);
        System.Net.IPAddress[] found;
        try
        {
            found = System.Net.Dns.GetHostAddresses(address.Host);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new FormatException($"dns:{nameAndPort}: {address.Host} does not resolve ({e.Message})");
        }

        return found.Select(ip => new PeerAddress(ip.ToString(), address.Port, address.Tls).ToString());
    }
}

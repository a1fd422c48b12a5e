namespace Workbench.Transport.Client;

/// <summary>How a cluster is named: <c>--peers HOST:PORT,...</c>, <c>--peers @FILE</c> (one address a line,
/// <c>#</c> comments), or the environment variable <c>WORKBENCH_PEERS</c> (same forms).</summary>
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
        if (trimmed.StartsWith('@'))
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

        var addresses = items.Select(i => i.Trim()).Where(i => i.Length > 0).Select(PeerAddress.Parse).Distinct().ToArray();
        return addresses.Length > 0 ? addresses : throw new FormatException($"'{text}' names no peer");
    }
}

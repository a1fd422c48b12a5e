using System.Globalization;

namespace Workbench.Transport.Client;

/// <summary>A peer's address: <c>host</c>, <c>host:port</c>, <c>[v6]:port</c>, or a full <c>http://</c> or
/// <c>https://</c> URI. The port defaults to <see cref="ProtocolHeaders.DefaultPort"/>; https means TLS.</summary>
public sealed record PeerAddress(string Host, int Port, bool Tls)
{
    public Uri Uri => new($"{(Tls ? "https" : "http")}://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>HOST:PORT, with <c>https://</c> in front for a TLS peer; parses back to the same address.</summary>
    public override string ToString() => (Tls ? "https://" : "") + (Host.Contains(':', StringComparison.Ordinal)
        ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <exception cref="FormatException">Not an address; the message says what was expected.</exception>
    public static PeerAddress Parse(string text)
    {
        var trimmed = text.Trim();
        var tls = false;
        if (trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.AbsolutePath.Length > 1)
            {
                throw Bad(text);
            }

            tls = uri.Scheme == Uri.UriSchemeHttps;
            return Checked(uri.IdnHost.Trim('[', ']'), uri.IsDefaultPort && !trimmed.Contains(":" + uri.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) ? ProtocolHeaders.DefaultPort : uri.Port, tls, text);
        }

        if (trimmed.StartsWith('['))
        {
            var close = trimmed.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad(text);
            }

            var host = trimmed[1..close];
            var rest = trimmed[(close + 1)..];
            return Checked(host, rest.Length == 0 ? ProtocolHeaders.DefaultPort : rest.StartsWith(':') ? ParsePort(rest[1..], text) : throw Bad(text), tls, text);
        }

        var colon = trimmed.LastIndexOf(':');
        return colon < 0
            ? Checked(trimmed, ProtocolHeaders.DefaultPort, tls, text)
            : Checked(trimmed[..colon], ParsePort(trimmed[(colon + 1)..], text), tls, text);
    }

    private static int ParsePort(string text, string whole) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : throw Bad(whole);

    private static PeerAddress Checked(string host, int port, bool tls, string whole) =>
        host.Length == 0 || host.Any(char.IsWhiteSpace) || port is < 1 or > 65535 ? throw Bad(whole) : new PeerAddress(host, port, tls);

    private static FormatException Bad(string text) =>
        new($"'{text}' is not a peer address: expected HOST:PORT, [IPv6]:PORT, or http(s)://HOST:PORT");
}

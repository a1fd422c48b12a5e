using Workbench.Transport.Security;

namespace Workbench.Transport.Client;

/// <summary>What a client needs to talk to peers: the cluster key (null only for --insecure loopback clusters)
/// and a session id that peers log once, so their owners can tell clients apart.</summary>
public sealed record ClusterCredentials(ClusterKey? Key)
{
    public string Session { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Optional PEM file of a CA to trust for https:// peers with self-signed certificates.</summary>
    public string? TrustedCertificate { get; init; }

    /// <summary>Reads a PEM certificate (no key) to trust.</summary>
    /// <exception cref="KeyFileException">The file is missing or holds no PEM certificate.</exception>
    public static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadAuthority(string path)
    {
        try
        {
            return System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new KeyFileException($"--tls-ca {path}: not a readable PEM certificate ({e.Message})");
        }
    }
}

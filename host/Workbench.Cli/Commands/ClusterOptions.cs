using System.CommandLine;
using Workbench.Engine.Running;
using Workbench.Transport.Client;
using Workbench.Transport.Security;

namespace Workbench.Cli.Commands;

/// <summary>The options that name a cluster and the key to reach it, shared by run, map, peers and serve.</summary>
internal static class ClusterOptions
{
    public static readonly Option<string?> Peers = new("--peers")
    {
        Description = $"Peers that share the work: HOST:PORT,... or @FILE (one a line); default ${PeerList.EnvironmentVariable}; port {Transport.ProtocolHeaders.DefaultPort} when omitted",
    };

    public static readonly Option<string?> KeyFile = new("--key-file")
    {
        Description = $"Cluster key file (default ${ClusterKey.EnvironmentVariable}, else {ClusterKey.DefaultPath})",
        Recursive = true,
    };

    public static readonly Option<bool> Insecure = new("--insecure")
    {
        Description = "Talk to peers without the cluster key (loopback-only peers started with --insecure)",
        Recursive = true,
    };

    public static readonly Option<string?> TlsCa = new("--tls-ca")
    {
        Description = "PEM certificate of the authority to trust for https:// peers (a self-signed lab CA)",
        Recursive = true,
    };

    public static readonly Option<bool> NoLocal = new("--no-local") { Description = "With --peers: leave evaluation to the peers (this machine only coordinates)" };

    public static readonly Option<PeerLossPolicy> OnPeerLoss = new("--on-peer-loss")
    {
        Description = "With --peers, when no peer is left: continue (on this machine, with a warning; default) or fail",
        CustomParser = result =>
        {
            switch (result.Tokens.Single().Value.ToLowerInvariant())
            {
                case "continue":
                    return PeerLossPolicy.Continue;
                case "fail":
                    return PeerLossPolicy.Fail;
                case var other:
                    result.AddError($"--on-peer-loss '{other}' is invalid: expected continue or fail");
                    return default;
            }
        },
    };

    public static readonly Option<Distribution> Distribute = new("--distribute")
    {
        Description = "With --peers and --islands: islands (each island on a slot of its own, talking only at migration; default) or evaluations (every generation's points spread over all slots). Same history either way",
        CustomParser = result =>
        {
            switch (result.Tokens.Single().Value.ToLowerInvariant())
            {
                case "islands":
                    return Distribution.Islands;
                case "evaluations":
                    return Distribution.Evaluations;
                case var other:
                    result.AddError($"--distribute '{other}' is invalid: expected islands or evaluations");
                    return default;
            }
        },
    };

    /// <summary>The peer addresses as given (checked when the run is planned), or empty.</summary>
    public static IReadOnlyList<string> PeerTexts(ParseResult parse)
    {
        try
        {
            return PeerList.Resolve(parse.GetValue(Peers)).Select(a => a.ToString()).ToArray();
        }
        catch (FormatException e)
        {
            throw new UsageException($"--peers: {e.Message}");
        }
    }

    /// <summary>The client's credentials: the cluster key, unless --insecure.</summary>
    /// <exception cref="KeyFileException">The key file is missing, too open or malformed.</exception>
    public static ClusterCredentials Credentials(ParseResult parse)
    {
        if (parse.GetValue(TlsCa) is { } ca)
        {
            using var _ = ClusterCredentials.LoadAuthority(ca);
        }

        return new(parse.GetValue(Insecure) ? null : ClusterKey.Load(ClusterKey.Locate(parse.GetValue(KeyFile)))) { TrustedCertificate = parse.GetValue(TlsCa) };
    }
}

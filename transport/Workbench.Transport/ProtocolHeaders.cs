namespace Workbench.Transport;

/// <summary>Metadata keys of the peer protocol besides the signature's.</summary>
public static class ProtocolHeaders
{
    /// <summary>The client's contract version, on every request: a peer refuses another version, naming both.</summary>
    public const string Contract = "wb-contract";

    /// <summary>On a refused Evaluate/RunJobs: the folder hash of the plugin the peer lacks, so the client ships it.</summary>
    public const string MissingPlugin = "wb-missing-plugin";

    /// <summary>On a refused RunIsland: the peer does not hold the island at the generation asked (it restarted, or
    /// forgot it), so the client sends it again with its setup and replay.</summary>
    public const string MissingIsland = "wb-missing-island";

    /// <summary>The default port of <c>wb serve</c>.</summary>
    public const int DefaultPort = 7760;
}

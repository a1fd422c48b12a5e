namespace Workbench.Contracts;

/// <summary>What the host knows about a plugin assembly.</summary>
public sealed record PluginMetadata(string Id, string Version, string Description, string Authors, int ContractVersion);

using Workbench.Contracts;

namespace Workbench.Plugins;

public enum PluginStatus
{
    Loaded,
    Failed,
}

/// <summary>One factory a plugin provides: its kind (<c>optimizer</c>, <c>problem</c>, ...) and id.</summary>
public sealed record ProvidedComponent(string Kind, string Id);

/// <summary>What the catalog found in one plugin folder, loaded or not.</summary>
/// <param name="Folder">The folder name, which is also the plugin assembly's file name.</param>
/// <param name="Directory">The scanned directory that holds the folder.</param>
/// <param name="AssemblyPath">Path of <c>Folder/Folder.dll</c>. Recorded here because plugins load from memory,
/// so their <c>Assembly.Location</c> is empty.</param>
/// <param name="FailureReason">One line saying why a failed plugin was refused; null when loaded.</param>
/// <param name="Metadata">From the plugin's <see cref="WorkbenchPluginAttribute"/>, when it could be read.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the plugin dll, empty when it could not be read.</param>
/// <param name="Provides">The factories discovered, in discovery order (also listed for a plugin refused as a duplicate).</param>
public sealed record PluginEntry(
    string Folder,
    string Directory,
    string AssemblyPath,
    PluginStatus Status,
    string? FailureReason,
    PluginMetadata? Metadata,
    string Sha256,
    IReadOnlyList<ProvidedComponent> Provides)
{
    public string FolderPath => Path.Combine(Directory, Folder);

    /// <summary>SHA-256 of the whole folder (<see cref="Engine.Specs.PluginFolderHash"/>): the identity under which
    /// it travels to peers. Empty when it could not be read.</summary>
    public string FolderSha256 { get; init; } = "";

    public IReadOnlyList<string> OptimizerIds => IdsOf(ComponentKinds.Optimizer);

    public IReadOnlyList<string> ProblemIds => IdsOf(ComponentKinds.Problem);

    /// <summary>The kinds provided, joined with '+', for example <c>optimizer+problem</c>; empty when none.</summary>
    public string Kinds => string.Join("+", Provides.Select(p => p.Kind).Distinct());

    public IReadOnlyList<string> IdsOf(string kind) => Provides.Where(p => p.Kind == kind).Select(p => p.Id).ToArray();

    internal PluginEntry AsFailed(string reason) => this with { Status = PluginStatus.Failed, FailureReason = reason };
}

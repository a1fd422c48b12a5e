namespace Workbench.Plugins;

/// <summary>A factory instance discovered in a plugin.</summary>
internal sealed record Component(ComponentKind Kind, string Id, object Factory);

/// <summary>The result of loading one plugin folder: its entry as loaded (before cross-plugin duplicate checks),
/// its factories, and the load context that keeps them alive.</summary>
internal sealed class LoadedPlugin(PluginEntry entry, int directoryIndex, string fingerprint, IReadOnlyList<Component> components, PluginLoadContext? loader)
    : IDisposable
{
    public PluginEntry Entry { get; } = entry;

    /// <summary>Position of the entry's directory in the search path: lower wins a duplicate id.</summary>
    public int DirectoryIndex { get; } = directoryIndex;

    /// <summary>Names, sizes and write times of the folder's files: a reload is skipped when it has not changed.</summary>
    public string Fingerprint { get; } = fingerprint;

    public IReadOnlyList<Component> Components { get; } = components;

    /// <summary>Starts unloading the plugin's load context. Unloading is cooperative: factories and objects a run
    /// still holds keep working, and the context is collected once nothing references it.</summary>
    public void Dispose() => loader?.Dispose();
}

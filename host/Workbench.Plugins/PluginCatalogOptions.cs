namespace Workbench.Plugins;

/// <summary>Where the catalog looks for plugins and how it watches them.</summary>
public sealed record PluginCatalogOptions
{
    /// <summary>Directories to scan, highest priority first: when two plugins claim the same id, the one found
    /// first (by this order, then by folder name) wins. Missing directories are skipped.</summary>
    public IReadOnlyList<string> Directories { get; init; } = [];

    /// <summary>How long the watched folders must stay quiet before a change is applied, so that a plugin
    /// being copied file by file is loaded once, complete.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Watch the directories for added, replaced and removed plugin folders after <see cref="PluginCatalog.Load"/>.
    /// One-shot commands can turn it off to spare the file watchers.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>Types whose assemblies plugins share with the host in addition to the contract, such as the GPU
    /// contract and ILGPU (so a plugin's kernel is built from the host's types). The host must be able to load them.</summary>
    public IReadOnlyList<Type> SharedTypes { get; init; } = [];

    /// <summary>The standard search path: the built-in folder next to the executable, then <c>./plugins</c>,
    /// then any directories given with <c>--plugins DIR</c>.</summary>
    public static PluginCatalogOptions Standard(IEnumerable<string>? extraDirectories = null) => new()
    {
        Directories =
        [
            Path.Combine(AppContext.BaseDirectory, "plugins"),
            Path.Combine(Environment.CurrentDirectory, "plugins"),
            .. extraDirectories ?? [],
        ],
    };
}

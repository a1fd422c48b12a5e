namespace Workbench.Plugins;

/// <summary>Where the catalog looks for plugins and how it watches them.</summary>
public sealed record PluginCatalogOptions
{
    /// <summary>Directories to scan, highest priority first. An id that is already loaded keeps its owner; when two
    /// folders claim one id in the same scan, the built-in directory wins, then this order, then folder name.
    /// Missing directories are skipped, and picked up once they appear while the catalog watches.</summary>
    public IReadOnlyList<string> Directories { get; init; } = [];

    /// <summary>How long the watched folders must stay quiet before a change is applied, so that a plugin
    /// being copied file by file is loaded once, complete.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The directory of the plugins shipped with the host (full or relative path), or null. Its plugins
    /// can never be shadowed: an id they declare always stays theirs, whatever another folder declares.</summary>
    public string? BuiltInDirectory { get; init; }

    /// <summary>Watch the directories for added, replaced and removed plugin folders after <see cref="PluginCatalog.Load"/>.
    /// One-shot commands can turn it off to spare the file watchers.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>Types whose assemblies plugins share with the host in addition to the contract, such as the GPU
    /// contract and ILGPU (so a plugin's kernel is built from the host's types). The host must be able to load them.</summary>
    public IReadOnlyList<Type> SharedTypes { get; init; } = [];

    /// <summary>Whether a replaced or removed plugin's load context can be unloaded. A catalog that watches needs it; a
    /// one-shot command, which never unloads, turns it off, and its plugins then load from <see cref="AssemblyCache"/>
    /// so that their precompiled (ReadyToRun) code is used: the runtime ignores it in unloadable contexts and for
    /// assemblies loaded from memory. A context that cannot be unloaded stays until the process ends, even after a
    /// <see cref="PluginCatalog.Rescan"/> replaced its plugin.</summary>
    public bool Unloadable { get; init; } = true;

    /// <summary>Where plugin assemblies are copied under their hash when <see cref="Unloadable"/> is off (see
    /// <see cref="PluginAssemblyCache"/>), or null to load them from memory. A cache that cannot be written is skipped.</summary>
    public string? AssemblyCache { get; init; }

    /// <summary>The ids a one-shot command needs (an algorithm and a problem, say), or null for every plugin. With an
    /// <see cref="IndexFile"/> that knows every wanted id, only the folders declaring one are loaded; the others are
    /// listed from the index, so duplicate ids are refused exactly as after a full load. Ignored when watching.</summary>
    public IReadOnlyCollection<string>? Wanted { get; init; }

    /// <summary>Where the catalog keeps its index of plugin folders (see <see cref="Wanted"/>), or null for none.
    /// A one-shot load writes it when it changed.</summary>
    public string? IndexFile { get; init; }

    /// <summary>The standard search path: the built-in folder next to the executable, then <c>./plugins</c>,
    /// then the user's plugin folder (where <c>wb plugins install</c> puts plugins), then any directories given
    /// with <c>--plugins DIR</c>.</summary>
    public static PluginCatalogOptions Standard(IEnumerable<string>? extraDirectories = null) => new()
    {
        Directories =
        [
            BuiltInPlugins,
            Path.Combine(Environment.CurrentDirectory, "plugins"),
            UserPlugins,
            .. extraDirectories ?? [],
        ],
        BuiltInDirectory = BuiltInPlugins,
        IndexFile = Path.Combine(Engine.DataHome.Directory, "cache", "plugin-index.txt"),
        AssemblyCache = Path.Combine(Engine.DataHome.Directory, "cache", "assemblies"),
    };

    /// <summary>The plugins shipped next to the executable.</summary>
    public static string BuiltInPlugins => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The user's plugin folder, <c>DATA_HOME/plugins</c> (see <see cref="Engine.DataHome"/>).</summary>
    public static string UserPlugins => Path.Combine(Engine.DataHome.Directory, "plugins");
}

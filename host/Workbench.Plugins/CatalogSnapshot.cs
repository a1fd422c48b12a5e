using Workbench.Engine.Catalog;

namespace Workbench.Plugins;

/// <summary>An immutable view of the catalog: the plugin list and one registered-factory list per kind.
/// The catalog swaps the whole object at once, so a reader never sees half of a reload.</summary>
internal sealed class CatalogSnapshot
{
    public static readonly CatalogSnapshot Empty = Build([]);

    private readonly Dictionary<Type, object> _registered;

    private CatalogSnapshot(IReadOnlyList<PluginEntry> plugins, Dictionary<Type, object> registered)
    {
        Plugins = plugins;
        _registered = registered;
    }

    public IReadOnlyList<PluginEntry> Plugins { get; }

    public IReadOnlyList<Registered<T>> Of<T>()
        where T : class =>
        _registered.TryGetValue(typeof(T), out var list)
            ? (IReadOnlyList<Registered<T>>)list
            : throw new ArgumentException($"{typeof(T).Name} is not a kind of factory the catalog discovers.", nameof(T));

    /// <summary>Resolves duplicates: plugins are taken in priority order, and a plugin whose id, or any of whose
    /// factory ids, was already taken is refused as a whole, naming the folder that took it.</summary>
    public static CatalogSnapshot Build(IEnumerable<LoadedPlugin> inPriorityOrder)
    {
        var pluginOwners = new Dictionary<string, PluginEntry>(StringComparer.OrdinalIgnoreCase);
        var componentOwners = new Dictionary<(string Kind, string Id), PluginEntry>(ComponentKeyComparer.Instance);
        var entries = new List<PluginEntry>();
        var accepted = new List<(Component Component, ComponentOrigin Origin)>();
        foreach (var plugin in inPriorityOrder)
        {
            var entry = plugin.Entry;
            if (entry.Status == PluginStatus.Loaded)
            {
                var conflict = Conflict(entry, pluginOwners, componentOwners);
                if (conflict is not null)
                {
                    entry = entry.AsFailed(conflict);
                }
                else
                {
                    pluginOwners.Add(entry.Metadata!.Id, entry);
                    var origin = new ComponentOrigin(entry.Metadata.Id, entry.Metadata.Version, entry.Sha256, entry.FolderPath) { FolderSha256 = entry.FolderSha256 };
                    foreach (var component in plugin.Components)
                    {
                        componentOwners.Add((component.Kind.Name, component.Id), entry);
                        accepted.Add((component, origin));
                    }
                }
            }

            entries.Add(entry);
        }

        var registered = ComponentKinds.All.ToDictionary(
            k => k.Contract,
            k => k.Register(accepted.Where(a => a.Component.Kind == k).Select(a => (a.Component.Factory, a.Origin))));
        return new CatalogSnapshot(entries.ToArray(), registered);
    }

    private static string? Conflict(
        PluginEntry entry,
        Dictionary<string, PluginEntry> pluginOwners,
        Dictionary<(string Kind, string Id), PluginEntry> componentOwners)
    {
        if (pluginOwners.TryGetValue(entry.Metadata!.Id, out var owner))
        {
            return $"plugin id '{entry.Metadata.Id}' is already provided by folder {owner.FolderPath}";
        }

        foreach (var provided in entry.Provides)
        {
            if (componentOwners.TryGetValue((provided.Kind, provided.Id), out owner))
            {
                return $"{provided.Kind} id '{provided.Id}' is already provided by folder {owner.FolderPath}";
            }
        }

        return null;
    }

    private sealed class ComponentKeyComparer : IEqualityComparer<(string Kind, string Id)>
    {
        public static readonly ComponentKeyComparer Instance = new();

        public bool Equals((string Kind, string Id) x, (string Kind, string Id) y) =>
            x.Kind == y.Kind && string.Equals(x.Id, y.Id, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Kind, string Id) key) =>
            HashCode.Combine(key.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Id));
    }
}

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

    /// <summary>Resolves duplicates: plugins are taken by <paramref name="rank"/> (lower first, ties in display
    /// order), and a plugin whose id, or any of whose factory ids, was already taken is refused as a whole, with a
    /// reason naming its own folder and the owner's. The entries keep the display order.</summary>
    /// <param name="inDisplayOrder">Every loaded folder, in the order listings show them.</param>
    /// <param name="rank">Precedence of a plugin; null ranks all alike (display order decides).</param>
    /// <param name="isBuiltIn">Whether a folder path is a built-in plugin, to say so in the reason.</param>
    public static CatalogSnapshot Build(
        IEnumerable<LoadedPlugin> inDisplayOrder,
        Func<LoadedPlugin, int>? rank = null,
        Func<string, bool>? isBuiltIn = null)
    {
        var plugins = inDisplayOrder.ToArray();
        var pluginOwners = new Dictionary<string, PluginEntry>(StringComparer.OrdinalIgnoreCase);
        var componentOwners = new Dictionary<(string Kind, string Id), PluginEntry>(ComponentKeyComparer.Instance);
        var entries = new PluginEntry[plugins.Length];
        // The origin of each accepted plugin, by display position (null: refused or failed). Arrays and a sort of
        // plain keys rather than LINQ over value tuples, which was code the precompiled image lacks (README "A fast
        // start"): every wb run builds a snapshot.
        var accepted = new ComponentOrigin?[plugins.Length];
        foreach (var index in ResolutionOrder(plugins, rank))
        {
            var plugin = plugins[index];
            var entry = plugin.Entry;
            if (entry.Status == PluginStatus.Loaded)
            {
                var conflict = Conflict(entry, pluginOwners, componentOwners, isBuiltIn ?? (_ => false));
                if (conflict is not null)
                {
                    entry = entry.AsFailed(conflict);
                }
                else
                {
                    pluginOwners.Add(entry.Metadata!.Id, entry);
                    var origin = new ComponentOrigin(entry.Metadata.Id, entry.Metadata.Version, entry.Sha256, entry.FolderPath) { FolderSha256 = entry.FolderSha256 };
                    // Owners from the entry, not the factories: a folder listed from the index has no factories
                    // loaded, yet its ids are taken all the same.
                    foreach (var provided in entry.Provides)
                    {
                        componentOwners.Add((provided.Kind, provided.Id), entry);
                    }

                    accepted[index] = origin;
                }
            }

            entries[index] = entry;
        }

        // Registered lists follow the display order too, so "valid: ..." lists and pickers do not reshuffle.
        var byKind = ComponentKinds.All.ToDictionary(k => k, _ => new List<(object Factory, ComponentOrigin Origin)>());
        for (var index = 0; index < plugins.Length; index++)
        {
            if (accepted[index] is not { } origin)
            {
                continue;
            }

            foreach (var component in plugins[index].Components)
            {
                byKind[component.Kind].Add((component.Factory, origin));
            }
        }

        return new CatalogSnapshot(entries, byKind.ToDictionary(k => k.Key.Contract, k => k.Key.Register(k.Value)));
    }

    /// <summary>Display positions by rank (lower first), ties in display order.</summary>
    private static int[] ResolutionOrder(LoadedPlugin[] plugins, Func<LoadedPlugin, int>? rank)
    {
        var order = new int[plugins.Length];
        var keys = new long[plugins.Length];
        for (var i = 0; i < plugins.Length; i++)
        {
            order[i] = i;
            keys[i] = ((long)(rank?.Invoke(plugins[i]) ?? 0) * plugins.Length) + i;
        }

        Array.Sort(keys, order);
        return order;
    }

    private static string? Conflict(
        PluginEntry entry,
        Dictionary<string, PluginEntry> pluginOwners,
        Dictionary<(string Kind, string Id), PluginEntry> componentOwners,
        Func<string, bool> isBuiltIn)
    {
        if (pluginOwners.TryGetValue(entry.Metadata!.Id, out var owner))
        {
            return Refusal(entry, $"plugin id '{entry.Metadata.Id}'", owner, isBuiltIn);
        }

        foreach (var provided in entry.Provides)
        {
            if (componentOwners.TryGetValue((provided.Kind, provided.Id), out owner))
            {
                return Refusal(entry, $"{provided.Kind} id '{provided.Id}'", owner, isBuiltIn);
            }
        }

        return null;
    }

    private static string Refusal(PluginEntry entry, string what, PluginEntry owner, Func<string, bool> isBuiltIn) =>
        isBuiltIn(owner.FolderPath)
            ? $"folder {entry.FolderPath} declares {what}, which belongs to the built-in plugin in folder {owner.FolderPath}; built-ins cannot be shadowed"
            : $"folder {entry.FolderPath} declares {what}, which folder {owner.FolderPath} already provides (an id stays with the plugin that has it)";

    private sealed class ComponentKeyComparer : IEqualityComparer<(string Kind, string Id)>
    {
        public static readonly ComponentKeyComparer Instance = new();

        public bool Equals((string Kind, string Id) x, (string Kind, string Id) y) =>
            x.Kind == y.Kind && string.Equals(x.Id, y.Id, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Kind, string Id) key) =>
            HashCode.Combine(key.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Id));
    }
}

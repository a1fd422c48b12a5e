namespace Workbench.Plugins;

/// <summary>The first load of a one-shot catalog that needs only some ids (<see cref="PluginCatalogOptions.Wanted"/>):
/// which folders can be listed from the <see cref="PluginIndex"/> instead of loaded, and the index written back.</summary>
/// <remarks>
/// A folder is listed, not loaded, only when its fingerprint matches the index and it declares none of the wanted
/// ids (as plugin id or factory id); and only when every wanted id is declared by some indexed folder. Otherwise
/// everything loads, so an unknown id still gets the full "valid: ..." list and a folder that changed is seen as it
/// is now. Listed folders have entries (ids, status, hashes) but no factories: a catalog loaded this way serves
/// the wanted ids and listings, and is not rescanned (a listed folder would stay listed).
/// </remarks>
internal sealed class IndexedLoad(string indexFile, string hostKey, IReadOnlyCollection<string> wanted)
{
    private readonly Dictionary<string, (string Fingerprint, PluginEntry Entry)> _index = PluginIndex.Read(indexFile, hostKey);

    /// <summary>The folders to list from the index, by folder path; empty when every folder must load.</summary>
    public IReadOnlyDictionary<string, LoadedPlugin> Unwanted(IEnumerable<string> folderPaths, Func<string, int> directoryIndexOf)
    {
        // Loaded plugins rather than tuples: LINQ over value tuples was code the precompiled image lacks (README
        // "A fast start").
        var current = new List<LoadedPlugin>();
        foreach (var folderPath in folderPaths)
        {
            if (_index.TryGetValue(folderPath, out var item) && directoryIndexOf(folderPath) is var directory and >= 0
                && item.Fingerprint == FolderFingerprint.Of(folderPath))
            {
                current.Add(new LoadedPlugin(item.Entry, directory, item.Fingerprint, [], null));
            }
        }

        if (!wanted.All(id => current.Any(c => Declares(c.Entry, id))))
        {
            return new Dictionary<string, LoadedPlugin>();
        }

        return current.Where(c => !wanted.Any(id => Declares(c.Entry, id))).ToDictionary(c => c.Entry.FolderPath, StringComparer.Ordinal);
    }

    /// <summary>The index's entry for a folder (whatever its fingerprint), or null.</summary>
    public PluginEntry? Remembered(string folderPath) => _index.TryGetValue(folderPath, out var item) ? item.Entry : null;

    /// <summary>Writes the index when the folders or their fingerprints differ from what was read (the same files
    /// under the same host load the same way). A failure costs only speed (the next command loads every folder),
    /// so it is not an error of the command.</summary>
    public void Save(IEnumerable<LoadedPlugin> plugins)
    {
        var now = plugins.OrderBy(p => p.Entry.FolderPath, StringComparer.Ordinal).ToArray();
        var unchanged = now.Length == _index.Count && now.All(p =>
            _index.TryGetValue(p.Entry.FolderPath, out var old) && old.Fingerprint == p.Fingerprint);
        if (!unchanged)
        {
            PluginIndex.Write(indexFile, hostKey, now.Select(p => (p.Fingerprint, p.Entry)));
        }
    }

    private static bool Declares(PluginEntry entry, string id) =>
        string.Equals(entry.Metadata?.Id, id, StringComparison.OrdinalIgnoreCase)
        || entry.Provides.Any(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}

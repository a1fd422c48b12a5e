namespace Workbench.Plugins;

/// <summary>Which plugin folders (full paths) a reload added, updated or removed, and which others changed status
/// because of it: a folder refused as a duplicate that now owns its ids because the owner went (a recovery), or
/// an owner that lost them.</summary>
public sealed class CatalogChangedEventArgs(
    IReadOnlyList<string> added,
    IReadOnlyList<string> updated,
    IReadOnlyList<string> removed,
    IReadOnlyList<string>? statusChanged = null)
    : EventArgs
{
    public IReadOnlyList<string> Added { get; } = added;

    public IReadOnlyList<string> Updated { get; } = updated;

    public IReadOnlyList<string> Removed { get; } = removed;

    /// <summary>Folders whose files did not change but whose status (loaded or failed, and why) did.</summary>
    public IReadOnlyList<string> StatusChanged { get; } = statusChanged ?? [];

    public bool IsEmpty => Added.Count == 0 && Updated.Count == 0 && Removed.Count == 0 && StatusChanged.Count == 0;

    public override string ToString() =>
        $"added [{Names(Added)}], updated [{Names(Updated)}], removed [{Names(Removed)}]" +
        (StatusChanged.Count == 0 ? "" : $", status changed [{Names(StatusChanged)}]");

    /// <summary>One line for a status bar: each folder touched, with what became of it (loaded, failed and why,
    /// recovered), read from <paramref name="plugins"/> (the catalog's list after the change).</summary>
    public string Summary(IReadOnlyList<PluginEntry> plugins)
    {
        var byPath = plugins.ToDictionary(p => p.FolderPath, StringComparer.Ordinal);
        string State(string path) => byPath.TryGetValue(path, out var p)
            ? $"{p.Metadata?.Id ?? p.Folder} " + (p.Status == PluginStatus.Loaded ? "loaded" : $"failed: {p.FailureReason}")
            : Path.GetFileName(path);
        var parts = Added.Select(p => "added " + State(p))
            .Concat(Updated.Select(p => "updated " + State(p)))
            .Concat(Removed.Select(p => "removed " + Path.GetFileName(p)))
            .Concat(StatusChanged.Select(p => (byPath.TryGetValue(p, out var e) && e.Status == PluginStatus.Loaded ? "recovered " : "displaced ") + State(p)));
        return string.Join("; ", parts);
    }

    private static string Names(IEnumerable<string> paths) => string.Join(", ", paths.Select(Path.GetFileName));
}

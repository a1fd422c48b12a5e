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

    private static string Names(IEnumerable<string> paths) => string.Join(", ", paths.Select(Path.GetFileName));
}

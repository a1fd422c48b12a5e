namespace Workbench.Plugins;

/// <summary>Which plugin folders (full paths) a reload added, updated or removed.</summary>
public sealed class CatalogChangedEventArgs(IReadOnlyList<string> added, IReadOnlyList<string> updated, IReadOnlyList<string> removed)
    : EventArgs
{
    public IReadOnlyList<string> Added { get; } = added;

    public IReadOnlyList<string> Updated { get; } = updated;

    public IReadOnlyList<string> Removed { get; } = removed;

    public bool IsEmpty => Added.Count == 0 && Updated.Count == 0 && Removed.Count == 0;

    public override string ToString() =>
        $"added [{string.Join(", ", Added.Select(Path.GetFileName))}], updated [{string.Join(", ", Updated.Select(Path.GetFileName))}], " +
        $"removed [{string.Join(", ", Removed.Select(Path.GetFileName))}]";
}

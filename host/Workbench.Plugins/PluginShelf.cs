using Workbench.Engine.Catalog;
using Workbench.Engine.Specs;

namespace Workbench.Plugins;

/// <summary>A peer's plugins: its own catalog, plus folders shipped by clients, each kept under
/// <c>CACHE/&lt;sha256&gt;/&lt;Folder&gt;/</c> and loaded into its own catalog (so two builds of one plugin id can be
/// held side by side, each found by its hash). The cache survives restarts: later runs reuse it.</summary>
public sealed class PluginShelf : IPluginShelf, IDisposable
{
    private readonly PluginCatalog _own;
    private readonly string _cache;
    private readonly object _gate = new();
    private readonly Dictionary<string, PluginCatalog> _shipped = new(StringComparer.Ordinal);

    public PluginShelf(PluginCatalog own, string cacheDirectory)
    {
        _own = own;
        _cache = Path.GetFullPath(cacheDirectory);
        if (Directory.Exists(_cache))
        {
            foreach (var held in Directory.EnumerateDirectories(_cache).Where(d => !Path.GetFileName(d).StartsWith('.')))
            {
                TryLoadCached(Path.GetFileName(held));
            }
        }
    }

    public string CacheDirectory => _cache;

    public IReadOnlyList<HeldPlugin> Plugins
    {
        get
        {
            var own = _own.Plugins.Where(p => p.Status == PluginStatus.Loaded).Select(p => Held(p, shipped: false));
            return own.Concat(Shipped().SelectMany(c => c.Plugins).Where(p => p.Status == PluginStatus.Loaded).Select(p => Held(p, shipped: true))).ToArray();
        }
    }

    public IReadOnlyList<Registered<T>> Components<T>()
        where T : class => _own.Components<T>().Concat(Shipped().SelectMany(c => c.Components<T>())).ToArray();

    public bool Holds(string folderSha256) =>
        _own.Plugins.Any(p => p.Status == PluginStatus.Loaded && p.FolderSha256 == folderSha256) || Shipped().Any(c => c.Plugins.Any(p => p.FolderSha256 == folderSha256));

    public void Install(string folderName, string folderSha256, IReadOnlyList<(string Path, ReadOnlyMemory<byte> Content)> files)
    {
        ShippedFolder.Validate(folderName, folderSha256, files);
        lock (_gate)
        {
            if (_shipped.ContainsKey(folderSha256))
            {
                return;
            }

            var target = Path.Combine(_cache, folderSha256);
            ShippedFolder.Write(_cache, target, folderName, files);
            if (!TryLoadCached(folderSha256, out var reason))
            {
                Directory.Delete(target, recursive: true);
                throw new ShippedPluginException($"shipped plugin {folderName} does not load here: {reason}");
            }
        }
    }

    public void Dispose()
    {
        foreach (var catalog in Shipped())
        {
            catalog.Dispose();
        }
    }

    private bool TryLoadCached(string sha) => TryLoadCached(sha, out _);

    private bool TryLoadCached(string sha, out string reason)
    {
        var catalog = new PluginCatalog(new PluginCatalogOptions { Directories = [Path.Combine(_cache, sha)], Watch = false, SharedTypes = _own.SharedTypes });
        catalog.Load();
        var entry = catalog.Plugins.Count > 0 ? catalog.Plugins[0] : null;
        if (entry is { Status: PluginStatus.Loaded } && entry.FolderSha256 == sha && catalog.Plugins.Count == 1)
        {
            lock (_gate)
            {
                _shipped[sha] = catalog;
            }

            reason = "";
            return true;
        }

        reason = entry?.FailureReason ?? (entry is null ? "no plugin folder" : $"its files hash to {entry.FolderSha256}, not {sha}");
        catalog.Dispose();
        return false;
    }

    private PluginCatalog[] Shipped()
    {
        lock (_gate)
        {
            return _shipped.Values.ToArray();
        }
    }

    private static HeldPlugin Held(PluginEntry entry, bool shipped) =>
        new(entry.Metadata!.Id, entry.Metadata.Version, entry.FolderSha256, entry.Provides.Select(p => $"{p.Kind}:{p.Id}").ToArray(), shipped);
}

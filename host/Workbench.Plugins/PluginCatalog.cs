using Microsoft.Extensions.Logging;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Catalog;
using Workbench.Engine.Diagnostics;
using Workbench.Engine.Specs;
using Workbench.Engine.Tasks;

namespace Workbench.Plugins;

/// <summary>The factories found in plugin folders, kept current while the program runs.</summary>
/// <remarks>
/// Every plugin lives in its own load context that shares only the contract assembly, unloadable unless the
/// catalog never unloads (<see cref="PluginCatalogOptions.Unloadable"/>). A broken plugin
/// is listed as failed with a one-line reason and never stops the others. After <see cref="Load"/>, folders added,
/// replaced or removed are picked up without a restart; only the affected plugins are reloaded. All properties
/// return immutable snapshots that are swapped atomically.
/// </remarks>
public sealed class PluginCatalog : IComponentCatalog, ITaskCatalog, IPluginFolderSource, IFailedComponents, IDisposable
{
    private readonly PluginCatalogOptions _options;
    private readonly object _reloadGate = new();
    private readonly object _changeGate = new();
    private readonly Dictionary<string, LoadedPlugin> _loaded = new(StringComparer.Ordinal);
    private CatalogSnapshot _snapshot = CatalogSnapshot.Empty;
    private TaskCompletionSource<CatalogChangedEventArgs> _nextChange = NewChange();
    private readonly string? _builtIn;
    private FolderWatcher? _watcher;
    private bool _disposed;

    public PluginCatalog(PluginCatalogOptions options)
    {
        _options = options;
        Directories = options.Directories.Select(Path.GetFullPath).Select(d => Path.TrimEndingDirectorySeparator(d))
            .Distinct(StringComparer.Ordinal).ToArray();
        _builtIn = options.BuiltInDirectory is { } builtIn ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(builtIn)) : null;
    }

    /// <summary>Raised after a reload changed the catalog; the snapshots already show the change. Raised on the
    /// thread that reloaded: a timer thread for watched changes, the caller's for <see cref="Rescan"/>.</summary>
    public event EventHandler<CatalogChangedEventArgs>? Changed;

    /// <summary>Types whose assemblies plugins share with the host (see <see cref="PluginCatalogOptions.SharedTypes"/>).</summary>
    public IReadOnlyList<Type> SharedTypes => _options.SharedTypes;

    /// <summary>The directories searched, full paths without duplicates, highest priority first.</summary>
    public IReadOnlyList<string> Directories { get; }

    /// <summary>Why watching could not start (an inotify limit, say), or null. The catalog still works; only
    /// <see cref="Rescan"/> then picks up changes.</summary>
    public string? WatchError { get; private set; }

    /// <summary>Every plugin folder found, loaded or failed, in priority order.</summary>
    public IReadOnlyList<PluginEntry> Plugins => Volatile.Read(ref _snapshot).Plugins;

    public IReadOnlyList<Registered<IOptimizerFactory>> Optimizers => Components<IOptimizerFactory>();

    public IReadOnlyList<Registered<IProblemFactory>> Problems => Components<IProblemFactory>();

    public IReadOnlyList<Registered<IParallelTaskFactory>> Tasks => Components<IParallelTaskFactory>();

    /// <summary>The registered factories of one kind (a contract interface listed in <see cref="ComponentKinds"/>).</summary>
    public IReadOnlyList<Registered<T>> Components<T>()
        where T : class => Volatile.Read(ref _snapshot).Of<T>();

    public string? FolderOf(string folderSha256) =>
        Plugins.FirstOrDefault(p => p.Status == PluginStatus.Loaded && p.FolderSha256 == folderSha256)?.FolderPath;

    public string? WhyUnavailable(string id)
    {
        var failed = Plugins.FirstOrDefault(p => p.Status == PluginStatus.Failed &&
            (string.Equals(p.Metadata?.Id, id, StringComparison.OrdinalIgnoreCase) ||
             p.Provides.Any(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))));
        return failed is null ? null : $"plugin {failed.Metadata?.Id ?? failed.Folder} in {failed.FolderPath} failed to load: {failed.FailureReason}";
    }

    /// <summary>Scans every directory synchronously and, when <see cref="PluginCatalogOptions.Watch"/> is set,
    /// starts watching them. Calling it again only rescans. A first load of a one-shot catalog with
    /// <see cref="PluginCatalogOptions.Wanted"/> ids loads only the folders declaring them when the index allows.</summary>
    public CatalogChangedEventArgs Load()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_options.Watch && _watcher is null && WatchError is null)
        {
            // Watch first, scan second: a change made during the scan is then seen twice rather than never.
            try
            {
                _watcher = new FolderWatcher(Directories, _options.Debounce, OnFoldersQuiet);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                var logger = WorkbenchLog.For<PluginCatalog>();
                logger.LogDebug(e, "plugin directories cannot be watched");
                WatchError = PluginFolderLoader.OneLine(e.Message);
            }
        }

        if (_options.Watch || _options.Wanted is null || _options.IndexFile is null || _loaded.Count > 0)
        {
            return Rescan();
        }

        var indexed = new IndexedLoad(_options.IndexFile, PluginIndex.HostKey(_options.SharedTypes), _options.Wanted);
        var change = Reload(null, indexed.Unwanted(AllFolders(), IndexOfDirectory), indexed.Remembered);
        lock (_reloadGate)
        {
            indexed.Save(_loaded.Values);
        }

        return change;
    }

    /// <summary>Compares every plugin folder with what is loaded and reloads those added, changed or removed.</summary>
    public CatalogChangedEventArgs Rescan()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Reload(null, null);
    }

    /// <summary>Completes with the next non-empty change (from the watcher or a rescan). Tests await it with a timeout.</summary>
    public Task<CatalogChangedEventArgs> WaitForChangeAsync(CancellationToken cancellationToken = default)
    {
        lock (_changeGate)
        {
            return _nextChange.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops watching and starts unloading every plugin. Factories a run still holds keep working.</summary>
    public void Dispose()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _watcher?.Dispose();
        lock (_reloadGate)
        {
            foreach (var plugin in _loaded.Values)
            {
                plugin.Dispose();
            }

            _loaded.Clear();
            Volatile.Write(ref _snapshot, CatalogSnapshot.Empty);
        }
    }

    private void OnFoldersQuiet(IReadOnlyCollection<string> folders, bool overflowed)
    {
        try
        {
            Reload(overflowed ? null : folders, null);
        }
        catch (Exception e)
        {
            // A warning, not debug: nothing else reports it, and a watching user would otherwise see no change.
            var logger = WorkbenchLog.For<PluginCatalog>();
            logger.LogWarning(e, "reloading the changed plugin folders failed; the next change or rescan tries again");
            // This runs on a timer thread, where an escaping exception would end the process. Plugin failures are
            // already caught per folder; what lands here is a directory vanishing mid-reload or a throwing Changed
            // handler, and the next event or rescan sees the final state.
        }
    }

    /// <param name="folders">Folder paths to look at, or null for every folder of every directory.</param>
    /// <param name="listed">Folders to list from the index instead of loading them, or null.</param>
    /// <param name="remembered">What the index remembers of a folder (see <see cref="PluginFolderLoader.Load"/>), or null.</param>
    private CatalogChangedEventArgs Reload(IReadOnlyCollection<string>? folders, IReadOnlyDictionary<string, LoadedPlugin>? listed, Func<string, PluginEntry?>? remembered = null)
    {
        CatalogChangedEventArgs change;
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return new CatalogChangedEventArgs([], [], []);
            }

            change = ReloadLocked(folders ?? AllFolders(), listed, remembered);
        }

        if (!change.IsEmpty)
        {
            TaskCompletionSource<CatalogChangedEventArgs> waiting;
            lock (_changeGate)
            {
                waiting = _nextChange;
                _nextChange = NewChange();
            }

            waiting.TrySetResult(change);
            Changed?.Invoke(this, change);
        }

        return change;
    }

    private CatalogChangedEventArgs ReloadLocked(IEnumerable<string> folders, IReadOnlyDictionary<string, LoadedPlugin>? listed, Func<string, PluginEntry?>? remembered)
    {
        List<string> added = [], updated = [], removed = [];
        foreach (var folderPath in folders.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var directoryIndex = IndexOfDirectory(folderPath);
            // Hidden folders are work in progress (wb plugins install stages a copy as .Name.incoming), never plugins.
            if (directoryIndex < 0 || Path.GetFileName(folderPath).StartsWith('.'))
            {
                continue;
            }

            _loaded.TryGetValue(folderPath, out var old);
            if (!Directory.Exists(folderPath))
            {
                if (old is not null)
                {
                    _loaded.Remove(folderPath);
                    old.Dispose();
                    removed.Add(folderPath);
                }

                continue;
            }

            if (old is not null && old.Fingerprint == FolderFingerprint.Of(folderPath))
            {
                continue;
            }

            _loaded[folderPath] = listed?.GetValueOrDefault(folderPath) ?? PluginFolderLoader.Load(Directories[directoryIndex], directoryIndex, Path.GetFileName(folderPath), _options, remembered?.Invoke(folderPath));
            old?.Dispose();
            (old is null ? added : updated).Add(folderPath);
        }

        List<string> statusChanged = [];
        if (added.Count + updated.Count + removed.Count > 0)
        {
            var before = Volatile.Read(ref _snapshot).Plugins.ToDictionary(p => p.FolderPath, StringComparer.Ordinal);
            var ordered = _loaded.Values.OrderBy(p => p.DirectoryIndex).ThenBy(p => p.Entry.Folder, StringComparer.Ordinal);
            var snapshot = CatalogSnapshot.Build(ordered, p => Rank(p, before), IsBuiltIn);
            Volatile.Write(ref _snapshot, snapshot);
            statusChanged.AddRange(snapshot.Plugins
                .Where(p => !added.Contains(p.FolderPath) && !updated.Contains(p.FolderPath))
                .Where(p => before.TryGetValue(p.FolderPath, out var old) && (old.Status != p.Status || old.FailureReason != p.FailureReason))
                .Select(p => p.FolderPath));
        }

        return new CatalogChangedEventArgs(added, updated, removed, statusChanged);
    }

    /// <summary>Who gets a contested id: built-ins always, then the folder that already had it (so a folder
    /// dropped in later can never take over a loaded id), then the search-path order.</summary>
    private int Rank(LoadedPlugin plugin, Dictionary<string, PluginEntry> before)
    {
        if (IsBuiltIn(plugin.Entry.FolderPath))
        {
            return 0;
        }

        return before.TryGetValue(plugin.Entry.FolderPath, out var old) && old.Status == PluginStatus.Loaded ? 1 : 2;
    }

    private bool IsBuiltIn(string folderPath) =>
        _builtIn is not null && string.Equals(Path.GetDirectoryName(folderPath), _builtIn, StringComparison.Ordinal);

    /// <summary>Folders on disk plus those loaded, so a folder deleted since the last scan is seen as removed.</summary>
    private IEnumerable<string> AllFolders() =>
        Directories.Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories).Concat(_loaded.Keys).ToArray();

    private int IndexOfDirectory(string folderPath)
    {
        var parent = Path.GetDirectoryName(folderPath);
        for (var i = 0; i < Directories.Count; i++)
        {
            if (string.Equals(Directories[i], parent, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static TaskCompletionSource<CatalogChangedEventArgs> NewChange() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

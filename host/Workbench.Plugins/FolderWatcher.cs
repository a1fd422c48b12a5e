using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;
namespace Workbench.Plugins;

/// <summary>Watches plugin directories and reports, once the file system has been quiet for the debounce
/// interval, which top-level plugin folders were touched.</summary>
/// <remarks>Why per folder: a plugin copied in produces dozens of events (the folder, each dll, the deps file);
/// collapsing them to "folder X changed" lets the catalog reload just that plugin, once.</remarks>
internal sealed class FolderWatcher : IDisposable
{
    private readonly TimeSpan _debounce;
    private readonly Action<IReadOnlyCollection<string>, bool> _onQuiet;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private bool _overflowed;
    private bool _disposed;

    [ThreadStatic]
    private static bool t_inFlush;

    /// <param name="onQuiet">Receives the touched folder paths, and true when events were lost and a full
    /// rescan is needed. Called on a timer thread; two calls can overlap, so the receiver serialises its work.</param>
    public FolderWatcher(IEnumerable<string> directories, TimeSpan debounce, Action<IReadOnlyCollection<string>, bool> onQuiet)
    {
        _debounce = debounce;
        _onQuiet = onQuiet;
        _timer = new Timer(_ => Flush());
        var all = directories.ToArray();
        var existing = all.Where(Directory.Exists).ToArray();
        foreach (var directory in existing)
        {
            _watchers.Add(Create(directory));
        }

        // Enabled only once all are built, so a failure (an inotify limit, say) leaves nothing half-started.
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = true;
        }

        _missing.AddRange(all.Except(existing));
        if (_missing.Count > 0)
        {
            // Why poll: a directory that does not exist yet (./plugins before the user makes it) cannot be watched,
            // and watching its parent recursively could mean a whole home folder. One stat per second is nothing.
            _appearance = new Timer(_ => CheckMissing(), null, MissingPollInterval, MissingPollInterval);
        }
    }

    private static readonly TimeSpan MissingPollInterval = TimeSpan.FromSeconds(1);

    private readonly List<string> _missing = [];
    private readonly Timer? _appearance;

    private FileSystemWatcher Create(string directory)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => Touch(directory, e.FullPath);
        watcher.Changed += (_, e) => Touch(directory, e.FullPath);
        watcher.Deleted += (_, e) => Touch(directory, e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Touch(directory, e.OldFullPath);
            Touch(directory, e.FullPath);
        };
        watcher.Error += (_, _) => Overflow();
        return watcher;
    }

    /// <summary>Starts watching each missing directory that now exists, and asks for a full rescan so whatever was
    /// copied into it before the watcher started is seen.</summary>
    private void CheckMissing()
    {
        lock (_pending)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var directory in _missing.Where(Directory.Exists).ToArray())
            {
                try
                {
                    var watcher = Create(directory);
                    watcher.EnableRaisingEvents = true;
                    _watchers.Add(watcher);
                    _missing.Remove(directory);
                    _overflowed = true;
                    _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
                {
                    var logger = WorkbenchLog.For<PluginCatalog>();
                    logger.LogDebug(e, "plugin directory {Directory} cannot be watched yet; the next poll tries again", directory);
                    // Gone again, or not readable yet: the next poll tries again.
                }
            }

            if (_missing.Count == 0)
            {
                _appearance?.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }
    }

    public void Dispose()
    {
        lock (_pending)
        {
            _disposed = true;
        }

        _appearance?.Dispose();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        if (t_inFlush)
        {
            // Disposed from a change handler: waiting for the running flush would wait for ourselves.
            _timer.Dispose();
            return;
        }

        using var done = new ManualResetEvent(false);
        // Waits for a running flush, so no reload starts after the catalog is disposed.
        if (_timer.Dispose(done))
        {
            done.WaitOne();
        }
    }

    private void Touch(string directory, string path)
    {
        var relative = Path.GetRelativePath(directory, path);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal))
        {
            return;
        }

        var folder = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        Schedule(() => _pending.Add(Path.Combine(directory, folder)));
    }

    private void Overflow() => Schedule(() => _overflowed = true);

    private void Schedule(Action record)
    {
        lock (_pending)
        {
            if (_disposed)
            {
                return;
            }

            record();
            // Every new event pushes the deadline back: the callback runs once the folder is quiet.
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] folders;
        bool overflowed;
        lock (_pending)
        {
            if (_disposed)
            {
                return;
            }

            folders = [.. _pending];
            overflowed = _overflowed;
            _pending.Clear();
            _overflowed = false;
        }

        if (folders.Length > 0 || overflowed)
        {
            t_inFlush = true;
            try
            {
                _onQuiet(folders, overflowed);
            }
            finally
            {
                t_inFlush = false;
            }
        }
    }
}

using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>The LiteDB run database: opened read-only (listings, comparisons) or for writing (recording runs).</summary>
/// <remarks>
/// Every open store holds the exclusive <see cref="StoreLock"/>, so the file has one user at a time: LiteDB's direct
/// mode would let two processes write one file and corrupt it. Read-only stores are refused while a run is being
/// recorded (a writer holds the file for the whole run); a process that records and reads (the terminal UI) reads
/// through its writing store. The file must live on a local disk, not a network share.
/// </remarks>
public sealed partial class RunStore : IRunArchive
{
    /// <summary>1: runs and history. 2: adds the tasks collection (parallel-task runs); a version-1 file is read as
    /// having no tasks, and is marked version 2 by the first store that opens it for writing.
    /// 3: adds the maps collection. 4: every run document, history chunk, task run and map run carries a checksum.</summary>
    public const int CurrentSchemaVersion = 4;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(3);

    /// <summary>How often a recorder writes: half a second, so that a killed run keeps its record to within a second
    /// of the kill even with the commit's own latency on a busy machine (each flush is one small transaction).</summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(0.5);

    private readonly LiteDatabase? _db;
    private readonly StoreLock? _lock;
    private readonly HashSet<string> _recording = [];
    private bool _leftRunning;

    private RunStore(string path, LiteDatabase? db, StoreLock? storeLock, bool readOnly, int schemaVersion)
    {
        Path = path;
        _db = db;
        _lock = storeLock;
        IsReadOnly = readOnly;
        SchemaVersion = schemaVersion;
        Integrity = Integrity.Load(db, schemaVersion);
    }

    public string Path { get; }

    public bool IsReadOnly { get; }

    /// <summary>The schema version stored in the file (0 for a missing file opened read-only).</summary>
    public int SchemaVersion { get; }

    internal Integrity Integrity { get; }

    /// <summary>Opens (creating if needed) the database for recording. Marks runs left <c>running</c> by a dead
    /// process as interrupted.</summary>
    public static RunStore OpenForWriting(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var storeLock = StoreLock.Acquire(path, forWriting: true, LockWait);
        try
        {
            DatabaseFile.Validate(path);
            // A file as a writer of this schema left it after checking it whole, with nothing left running, which
            // nothing has written to since, needs neither the look, nor the creation steps, nor the search for orphans
            // again: they cost time in proportion to the runs stored (and the first use of LiteDB's expression
            // compiler), every `wb run` paid them before its first iteration, and they could only find what that
            // writer did.
            var isNew = DatabaseFile.IsNew(path);
            var vouched = !isNew && CleanMark.Matches(path);
            if (!isNew && !vouched)
            {
                // Look before writing: a foreign or newer file is refused while LiteDB still cannot change it.
                using var probe = Open(path, readOnly: true);
                ProbeRuns(probe, path, ReadSchemaVersion(probe, path));
            }

            var db = Open(path, readOnly: false);
            try
            {
                var version = vouched ? CurrentSchemaVersion : InitialiseSchema(db);
                if (!vouched)
                {
                    MarkOrphansInterrupted(db);
                }

                return new RunStore(path, db, storeLock, readOnly: false, version);
            }
            catch
            {
                db.Dispose();
                throw;
            }
        }
        catch (Exception ex)
        {
            storeLock.Dispose();
            throw Translate(ex, path);
        }
    }

    /// <summary>Opens the database for reading only; LiteDB never writes to it. A missing file reads as empty.</summary>
    public static RunStore OpenReadOnly(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (DatabaseFile.IsNew(path))
        {
            return new RunStore(path, null, null, readOnly: true, 0);
        }

        var storeLock = StoreLock.Acquire(path, forWriting: false, LockWait);
        try
        {
            DatabaseFile.Validate(path);
            var db = Open(path, readOnly: true);
            try
            {
                return new RunStore(path, db, storeLock, readOnly: true, ReadSchemaVersion(db, path));
            }
            catch
            {
                db.Dispose();
                throw;
            }
        }
        catch (Exception ex)
        {
            storeLock.Dispose();
            throw Translate(ex, path);
        }
    }

    /// <summary>A recorder for one run, to pass to the run loop as an observer. Dispose it after the run. By default
    /// its history is thinned and capped (<see cref="HistoryThinning"/>); <see cref="HistoryKeeping.Full"/> keeps every iteration.</summary>
    public RunRecorder CreateRecorder(TimeSpan? flushInterval = null, HistoryKeeping keeping = HistoryKeeping.Thinned)
    {
        if (IsReadOnly || _db is null)
        {
            throw new InvalidOperationException("the store was opened read-only");
        }

        return new RunRecorder(this, flushInterval ?? FlushInterval, keeping);
    }

    public void Dispose()
    {
        _db?.Dispose();
        if (_db is not null && !IsReadOnly && Settled)
        {
            // Checked whole when it was opened, written since only with sealed records, nothing left running: the
            // next writer may trust it while its size and time stay as they are now (noted before the lock is let go).
            CleanMark.Write(Path);
        }

        _lock?.Dispose();
    }

    internal LiteDatabase Database => _db ?? throw new InvalidOperationException("no database is open");

    internal void BeginRecording(string runId)
    {
        lock (_recording)
        {
            _recording.Add(runId);
        }
    }

    /// <param name="settled">False when the record's final write failed, so that it may still read <c>running</c>.</param>
    internal void EndRecording(string runId, bool settled = true)
    {
        lock (_recording)
        {
            _recording.Remove(runId);
            _leftRunning |= !settled;
        }
    }

    /// <summary>No run, task run or map is being recorded, and none was left <c>running</c> by a failed final write:
    /// only then may a clean close vouch that the next writer has no orphans to look for.</summary>
    private bool Settled
    {
        get
        {
            lock (_recording)
            {
                return _recording.Count == 0 && !_leftRunning;
            }
        }
    }

    internal static LiteDatabase Open(string path, bool readOnly) => new(new ConnectionString
    {
        Filename = path,
        Connection = ConnectionType.Direct,
        ReadOnly = readOnly,
        Upgrade = false,
        AutoRebuild = false,
    });

    internal static int ReadSchemaVersion(LiteDatabase db, string path)
    {
        var names = db.GetCollectionNames().ToList();
        if (!names.Contains(Collections.Meta, StringComparer.OrdinalIgnoreCase))
        {
            if (names.Count == 0)
            {
                return 0;
            }

            throw new StoreDamagedException($"{path} is a LiteDB file but not a Workbench run database (no '{Collections.Meta}' collection); it was left untouched");
        }

        var version = db.GetCollection(Collections.Meta).FindById("schema")?["version"].AsInt32 ?? 0;
        if (version > CurrentSchemaVersion)
        {
            throw new StoreException($"{path} has run-store schema version {version}, newer than this Workbench understands ({CurrentSchemaVersion}); use a newer wb");
        }

        return version;
    }

    internal static Exception Translate(Exception ex, string path) => ex switch
    {
        StoreException or RunIdException or OutOfMemoryException or OperationCanceledException => ex,
        IOException or UnauthorizedAccessException => new StoreException($"cannot open run database {path}: {ex.Message}", ex),

        // Anything else LiteDB throws while decoding pages is damage: flipped bytes have surfaced as LiteException,
        // InvalidCast, IndexOutOfRange, Overflow and even NotImplementedException (an unknown BSON type tag), and a
        // new kind must still reach the user as one line, never as a stack trace.
        _ => new StoreDamagedException($"{path} is damaged or unreadable ({ex.Message.Split('\n')[0]}); see wb db check and wb db repair", ex),
    };

    internal static class Collections
    {
        public const string Meta = "meta";
        public const string Runs = "runs";
        public const string History = "history";
        public const string Tasks = "tasks";
        public const string Maps = "maps";
    }
}

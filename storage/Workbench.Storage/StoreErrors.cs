namespace Workbench.Storage;

/// <summary>A store problem the user must act on (locked, damaged, foreign file). The message is one clear line.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Another process (or another store in this process) has the database open.</summary>
public sealed class StoreLockedException(string message, int? ownerPid) : StoreException(message)
{
    /// <summary>The process holding the lock, when it could be read.</summary>
    public int? OwnerPid { get; } = ownerPid;
}

/// <summary>The file is not a LiteDB file, is truncated, or LiteDB could not read it. It was left untouched.</summary>
public sealed class StoreDamagedException(string message, Exception? inner = null) : StoreException(message, inner);

/// <summary>One run's document or history fails its checks; the rest of the file may be sound.</summary>
public sealed class RunDamagedException(string runId, string message) : StoreException(message)
{
    public string RunId { get; } = runId;
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Workbench.Storage;

/// <summary>The exclusive OS lock on <c>runs.db.lock</c> that makes one process the only user of a database file.</summary>
/// <remarks>
/// LiteDB's direct mode lets two processes open one file and corrupt it, so every store (reader or writer) holds
/// this lock while the file is open. .NET takes it with <c>flock(LOCK_EX)</c> for <see cref="FileShare.None"/>; the
/// kernel drops it when the process dies, so a killed run never leaves a stale lock. A locked file cannot be read
/// by another .NET process, so the owner's "PID host mode" line is also written to <c>runs.db.lock-owner</c>.
/// </remarks>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream? _stream;
    private readonly string? _ownerPath;

    private StoreLock(FileStream? stream, string? ownerPath)
    {
        _stream = stream;
        _ownerPath = ownerPath;
    }

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for a short-lived holder (a listing) to finish.</summary>
    public static StoreLock Acquire(string databasePath, bool forWriting, TimeSpan wait)
    {
        var lockPath = databasePath + ".lock";
        var ownerPath = databasePath + ".lock-owner";
        if (Directory.Exists(lockPath))
        {
            throw new StoreException($"run database {databasePath} cannot be locked: {lockPath} is a folder; remove it (no process uses it)");
        }

        if (!WriteAccess.Allowed(lockPath))
        {
            // Nobody can write here (a read-only mount, or no permission): readers need no lock, writers are refused.
            return forWriting
                ? throw new StoreException($"run database {databasePath} is read-only here: nothing can be recorded or changed in it " +
                                           "(wb runs list, show, export and wb db check can still read it)")
                : new StoreLock(null, null);
        }

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var line = Encoding.UTF8.GetBytes(Describe(forWriting));
                stream.SetLength(0);
                stream.Write(line);
                stream.Flush();
                File.WriteAllBytes(ownerPath, line);
                return new StoreLock(stream, ownerPath);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                var owner = ReadOwner(ownerPath);
                // A writer holds the file for a whole run: do not wait for it. Readers are brief.
                if (owner.Writing || deadline.Elapsed >= wait)
                {
                    throw Refusal(databasePath, owner);
                }

                Thread.Sleep(50);
            }
        }
    }

    public void Dispose()
    {
        if (_ownerPath is null)
        {
            return; // a reader of a read-only store took no lock
        }

        try
        {
            File.Delete(_ownerPath);
        }
        catch (IOException)
        {
            // The owner note is advisory; a stale one is overwritten by the next holder.
        }

        _stream?.Dispose();
    }

    private static string Describe(bool forWriting) => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessId} {Environment.MachineName} {(forWriting ? "writer" : "reader")}\n");

    private static (int? Pid, string? Host, bool Writing) ReadOwner(string ownerPath)
    {
        try
        {
            var parts = File.ReadAllText(ownerPath).Split(' ', '\n', StringSplitOptions.RemoveEmptyEntries);
            var pid = parts.Length > 0 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
            return (pid, parts.Length > 1 ? parts[1] : null, parts.Length > 2 && parts[2] == "writer");
        }
        catch (IOException)
        {
            return (null, null, false);
        }
    }

    private static StoreLockedException Refusal(string databasePath, (int? Pid, string? Host, bool Writing) owner)
    {
        var who = owner.Pid is int pid ? $"process {pid}{(owner.Host is null ? "" : " on " + owner.Host)}" : "another process";
        var what = owner.Writing ? "is recording a run in it" : "has it open";
        return new StoreLockedException(
            $"run database {databasePath} is in use: {who} {what} (lock {databasePath}.lock); " +
            "only one process may open it at a time — wait for it to finish, or use --db for another file", owner.Pid);
    }
}

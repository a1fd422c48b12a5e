using LiteDB;

namespace Workbench.Storage;

/// <summary>What a writer checks of the history before it opens a file: every chunk's checksum, and that each run's
/// chunks hold the rows its document counts, so that it never writes into a file that <c>wb db check</c> would flag.
/// The values are not decoded into a history.</summary>
/// <remarks>Reading every chunk costs time in proportion to the stored history, so it is skipped when the
/// <see cref="CleanMark"/> says the file is byte for byte as the last writer that checked it left it.</remarks>
internal static class HistoryProbe
{
    /// <param name="rows">History rows each checked run document counts (runs written before checksums have none).</param>
    /// <exception cref="RunDamagedException">a chunk fails its checksum, has lost it, or a run's rows do not add up.</exception>
    public static void Verify(LiteDatabase db, Integrity integrity, IReadOnlyDictionary<string, long> rows)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in db.GetCollection(RunStore.Collections.History).FindAll())
        {
            var id = Integrity.IdOf(chunk);
            var runId = chunk.TryGetValue("runId", out var r) && r.IsString ? r.AsString : id.Split(':')[0];
            var verdict = Checksums.Verify(chunk);
            if (verdict == Checksums.Verdict.Mismatch || (verdict == Checksums.Verdict.Missing && !integrity.IsUnchecked(runId)))
            {
                throw new RunDamagedException(runId, $"run {runId}: history chunk {id} {(verdict == Checksums.Verdict.Mismatch ? "fails its checksum" : "has lost its checksum")}");
            }

            found[runId] = found.GetValueOrDefault(runId) + (chunk.TryGetValue("iteration", out var it) && it.IsBinary ? it.AsBinary.Length / 8 : 0);
        }

        foreach (var (runId, expected) in rows)
        {
            if (found.GetValueOrDefault(runId) != expected)
            {
                throw new RunDamagedException(runId, $"run {runId}: {found.GetValueOrDefault(runId)} history rows stored for {expected} written");
            }
        }
    }
}

/// <summary>A note beside the store (<c>runs.db.checked</c>) of the size and modification time of the data file and
/// its log as a writer that had checked the whole file left them, and of that writer's schema version. While all
/// still match, nothing has written to the file since, and the next writer of the same schema need not read its
/// documents and history again, repeat the creation steps, or look for runs left running.</summary>
/// <remarks>Written when a writer closes the file cleanly with nothing left running (no recording open, no final
/// write failed); a writer that is killed leaves the note stale, and the next one checks everything, as does a
/// writer of another schema (a newer wb's note never vouches for an older one). It cannot see damage that keeps a
/// file's size and time (a disk that rots bits silently): <c>wb db check</c> reads everything.</remarks>
internal static class CleanMark
{
    public static string PathOf(string dbPath) => dbPath + ".checked";

    public static bool Matches(string dbPath)
    {
        try
        {
            return File.Exists(PathOf(dbPath)) && File.ReadAllText(PathOf(dbPath)) == State(dbPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable note: check everything, as without one
        }
    }

    /// <summary>Records the file as it is now. Only an optimisation: a note that cannot be written costs the next
    /// writer a full check, so a failure is dropped here on purpose.</summary>
    public static void Write(string dbPath)
    {
        try
        {
            File.WriteAllText(PathOf(dbPath), State(dbPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    public static void Remove(string dbPath)
    {
        try
        {
            File.Delete(PathOf(dbPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string State(string dbPath)
    {
        var log = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(dbPath)!, System.IO.Path.GetFileNameWithoutExtension(dbPath) + "-log" + System.IO.Path.GetExtension(dbPath));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Stat(dbPath)} {Stat(log)} v{RunStore.CurrentSchemaVersion}\n");
    }

    private static string Stat(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}") : "-";
    }
}

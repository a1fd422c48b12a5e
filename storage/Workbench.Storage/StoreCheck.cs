using LiteDB;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>What <see cref="StoreCheck.Run"/> found. <see cref="Problems"/> is empty for a healthy file.</summary>
/// <param name="Runs">Runs whose document could be read and trusted (their history may be damaged).</param>
/// <param name="DamagedRuns">Runs with any problem: document or history.</param>
/// <param name="UncheckedRuns">Runs written before checksums (schema 3 or older): read, but nothing vouches for them.</param>
public sealed record StoreCheckReport(string Path, long Bytes, int SchemaVersion, int Runs, long HistoryRows, IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;

    public int DamagedRuns { get; init; }

    public int UncheckedRuns { get; init; }

    /// <summary>The ids of the runs counted in <see cref="Runs"/>: what a repair must at least keep.</summary>
    public IReadOnlySet<string> ReadableIds { get; init; } = new HashSet<string>();
}

/// <summary>Reads every run, every history chunk and every task run of a database, read-only, checks their
/// checksums, and lists what cannot be read or trusted, naming the run and the chunk.</summary>
public static class StoreCheck
{
    public static StoreCheckReport Run(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            return new StoreCheckReport(path, 0, 0, 0, 0, [$"{path} does not exist"]);
        }

        var bytes = new FileInfo(path).Length;
        if (bytes == 0)
        {
            // LiteDB would take a zero-byte file for a new one; a check must say what it found instead.
            return new StoreCheckReport(path, 0, 0, 0, 0, [$"{path} is empty (0 bytes): not a run database"]);
        }

        try
        {
            using var store = RunStore.OpenReadOnly(path);
            return Scan(store.Database, path, bytes, store.SchemaVersion);
        }
        catch (StoreLockedException)
        {
            throw;
        }
        catch (StoreException ex)
        {
            return new StoreCheckReport(path, bytes, 0, 0, 0, [ex.Message]);
        }
    }

    /// <summary>Checks an open database (repair checks the original under the lock it already holds).</summary>
    internal static StoreCheckReport Scan(LiteDatabase db, string path, long bytes, int schemaVersion)
    {
        var problems = new List<string>();
        var integrity = Integrity.Load(db, schemaVersion);
        if (integrity.Problem is { } listDamaged)
        {
            problems.Add(listDamaged);
        }

        var readable = new HashSet<string>(StringComparer.Ordinal);
        var all = new HashSet<string>(StringComparer.Ordinal);
        int damaged = 0, unchecked_ = 0;
        long rows = 0;
        foreach (var run in StoreScan.Runs(db, integrity, problems))
        {
            all.Add(run.Id);
            if (run.Stored is { } stored)
            {
                readable.Add(run.Id);
                unchecked_ += stored.Checked ? 0 : 1;
                rows += run.Chunks.Take(run.History?.GoodChunks ?? 0).Sum(c => (long)c["iteration"].AsBinary.Length / 8);
                if (run.Problem is null && LegacyCountMismatch(stored, run) is { } mismatch)
                {
                    problems.Add(mismatch);
                    damaged++;
                    continue;
                }
            }

            if (run.Problem is { } problem)
            {
                problems.Add(problem);
                damaged++;
            }
        }

        CheckIndexes(db, all.Count, problems);
        CheckTasks(db, problems);
        MapSalvage.Check(db, problems);
        foreach (var orphan in StoreScan.OrphanHistory(db, all, problems))
        {
            problems.Add($"history of unknown run {orphan}");
        }

        // Last: a seek that fails on a damaged index page can leave LiteDB refusing every later query.
        CheckSeeks(db, readable, problems);
        return new StoreCheckReport(path, bytes, schemaVersion, readable.Count, rows, problems)
        {
            DamagedRuns = damaged, UncheckedRuns = unchecked_, ReadableIds = readable,
        };
    }

    /// <summary>Listings go through the secondary indexes, which no document checksum covers: each must reach
    /// every run the primary key reaches. A damaged one is rebuilt by wb db repair; until then listings fall back
    /// to the primary key.</summary>
    private static void CheckIndexes(LiteDatabase db, int runs, List<string> problems)
    {
        var collection = db.GetCollection(RunStore.Collections.Runs);
        foreach (var (index, expression) in new[] { ("started", "$.started"), ("alg", "$.alg.id"), ("prob", "$.prob.id"), ("status", "$.status") })
        {
            var reached = 0;
            try
            {
                reached = collection.Query().OrderBy(expression).Select("$._id").ToEnumerable().Count();
            }
            catch (Exception ex)
            {
                problems.Add($"runs index '{index}': unreadable ({ex.Message.Split('\n')[0]})");
                continue;
            }

            if (reached != runs && runs > 0)
            {
                problems.Add($"runs index '{index}': reaches {reached} of {runs} runs");
            }
        }
    }

    /// <summary>A scan walks the primary key's lowest level; <c>wb runs show ID</c> seeks through its upper levels,
    /// which a damaged index page can break for runs whose documents are sound.</summary>
    private static void CheckSeeks(LiteDatabase db, IReadOnlySet<string> ids, List<string> problems)
    {
        var runs = db.GetCollection(RunStore.Collections.Runs);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            try
            {
                if (runs.Find(Query.StartsWith("_id", id)).Count() != 1)
                {
                    problems.Add($"run {id}: cannot be found by its id (the runs index is damaged)");
                }
            }
            catch (Exception ex)
            {
                problems.Add($"run {id}: cannot be found by its id (the runs index is damaged: {ex.Message.Split('\n')[0]})");
            }
        }
    }

    /// <summary>A run written before checksums has no row count: its finished history should span its iterations.</summary>
    private static string? LegacyCountMismatch(StoredRun stored, ScannedRun scanned)
    {
        var run = stored.Run;
        if (stored.Rows is not null || run.Status is not (RunStatus.Completed or RunStatus.Failed)
            || run.Error?.Contains(StoreRepair.HistoryCutNote, StringComparison.Ordinal) == true)
        {
            return null;
        }

        var count = scanned.Chunks.Sum(c => (long)c["iteration"].AsBinary.Length / 8);
        return count == run.Iterations ? null : $"run {run.Id}: {count} history rows for {run.Iterations} iterations";
    }

    private static void CheckTasks(LiteDatabase db, List<string> problems)
    {
        try
        {
            if (!db.CollectionExists(RunStore.Collections.Tasks))
            {
                return; // a schema-1 file: no task runs
            }

            foreach (var doc in db.GetCollection(RunStore.Collections.Tasks).FindAll())
            {
                try
                {
                    TaskDocuments.FromDocument(doc);
                }
                catch (Exception ex)
                {
                    problems.Add($"task run {Integrity.IdOf(doc)}: unreadable ({ex.Message.Split('\n')[0]})");
                }
            }
        }
        catch (Exception ex)
        {
            problems.Add($"tasks collection unreadable: {ex.Message.Split('\n')[0]}");
        }
    }
}

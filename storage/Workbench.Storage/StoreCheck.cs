using LiteDB;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>What <see cref="StoreCheck.Run"/> found. <see cref="Problems"/> is empty for a healthy file.</summary>
public sealed record StoreCheckReport(string Path, long Bytes, int SchemaVersion, int Runs, long HistoryRows, IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;
}

/// <summary>Reads every run, every history chunk and every task run of a database, read-only, and lists what cannot be read.</summary>
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

        var problems = new List<string>();
        try
        {
            using var store = RunStore.OpenReadOnly(path);
            var (runs, rows) = Scan(store, problems);
            return new StoreCheckReport(path, bytes, store.SchemaVersion, runs, rows, problems);
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

    private static (int Runs, long Rows) Scan(RunStore store, List<string> problems)
    {
        var db = store.Database;
        var chunks = new Dictionary<string, List<BsonDocument>>(StringComparer.Ordinal);
        var runs = 0;
        long rows = 0;
        try
        {
            foreach (var chunk in db.GetCollection(RunStore.Collections.History).FindAll())
            {
                var runId = chunk["runId"].AsString ?? "?";
                (chunks.TryGetValue(runId, out var list) ? list : chunks[runId] = []).Add(chunk);
            }
        }
        catch (Exception ex)
        {
            problems.Add($"history collection unreadable: {ex.Message.Split('\n')[0]}");
        }

        try
        {
            foreach (var doc in db.GetCollection(RunStore.Collections.Runs).FindAll())
            {
                var id = doc["_id"].IsString ? doc["_id"].AsString : doc["_id"].ToString();
                try
                {
                    var run = RunDocuments.FromDocument(doc);
                    var ordered = chunks.Remove(id, out var list) ? list.OrderBy(c => c["_id"].AsString).ToList() : [];
                    var history = HistoryChunks.Join(ordered, run.Description.ExtraNames);
                    rows += history.Count;
                    if (run.Status is RunStatus.Completed or RunStatus.Failed && history.Count != run.Iterations
                        && run.Error?.Contains(StoreRepair.HistoryCutNote, StringComparison.Ordinal) != true)
                    {
                        problems.Add($"run {id}: {history.Count} history rows for {run.Iterations} iterations");
                    }

                    runs++;
                }
                catch (Exception ex)
                {
                    problems.Add($"run {id}: unreadable ({ex.Message.Split('\n')[0]})");
                }
            }
        }
        catch (Exception ex)
        {
            problems.Add($"runs collection unreadable after {runs} runs: {ex.Message.Split('\n')[0]}");
        }

        CheckTasks(db, problems);
        MapSalvage.Check(db, problems);
        foreach (var orphan in chunks.Keys)
        {
            problems.Add($"history of unknown run {orphan}");
        }

        return (runs, rows);
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
                    problems.Add($"task run {doc["_id"]}: unreadable ({ex.Message.Split('\n')[0]})");
                }
            }
        }
        catch (Exception ex)
        {
            problems.Add($"tasks collection unreadable: {ex.Message.Split('\n')[0]}");
        }
    }
}

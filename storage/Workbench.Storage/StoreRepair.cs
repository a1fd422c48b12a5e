using System.Globalization;
using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>What a repair did: where the untouched original was kept and how many runs made it into the new file.</summary>
public sealed record StoreRepairReport(string Path, string Backup, int RunsRecovered, int RunsUnreadable, int HistoriesCut, IReadOnlyList<string> Notes);

/// <summary>Salvages what can be read from a damaged database into a fresh file. The original is kept, byte for byte,
/// as <c>runs.db.bak-TIMESTAMP</c> (with its log, if any,
/// as <c>runs.db-log.bak-TIMESTAMP</c>); LiteDB's own rebuild only ever touches a scratch copy.</summary>
public static class StoreRepair
{
    /// <summary>Added to the error of a run whose history could only be salvaged in part.</summary>
    public const string HistoryCutNote = "history partly lost (salvaged by wb db repair)";

    public static StoreRepairReport Run(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new StoreException($"{path} does not exist: nothing to repair");
        }

        // Hold the original's lock throughout: no run may write while the file is being replaced.
        using var storeLock = StoreLock.Acquire(path, forWriting: true, TimeSpan.FromSeconds(3));
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var backup = $"{path}.bak-{stamp}";
        var scratch = $"{path}.repair-scratch";
        var fresh = $"{path}.repair-new";
        DatabaseFile.CopyWithLog(path, backup);
        DatabaseFile.CopyWithLog(path, scratch);
        File.Delete(fresh);
        var notes = new List<string>();
        int recovered = 0, unreadable = 0, cut = 0;
        try
        {
            using (var source = OpenScratch(scratch, notes))
            using (var target = RunStore.OpenForWriting(fresh))
            {
                if (source is not null)
                {
                    (recovered, unreadable, cut) = Salvage(source, target, notes);
                }
            }

            File.Delete(DatabaseFile.LogPath(path)); // its transactions are in the backup and, salvaged, in the new file
            File.Move(fresh, path, overwrite: true);
        }
        finally
        {
            foreach (var leftover in new[] { scratch, DatabaseFile.LogPath(scratch), fresh, DatabaseFile.LogPath(fresh), fresh + ".lock", fresh + ".lock-owner" })
            {
                File.Delete(leftover);
            }
        }

        return new StoreRepairReport(path, backup, recovered, unreadable, cut, notes);
    }

    private static LiteDatabase? OpenScratch(string scratch, List<string> notes)
    {
        try
        {
            var db = new LiteDatabase(new ConnectionString { Filename = scratch, Connection = ConnectionType.Direct, AutoRebuild = true });
            try
            {
                db.Rebuild();
            }
            catch (Exception ex)
            {
                notes.Add($"LiteDB rebuild failed ({ex.Message.Split('\n')[0]}); reading the file as it is");
            }

            return db;
        }
        catch (Exception ex)
        {
            notes.Add($"the file could not be opened at all ({ex.Message.Split('\n')[0]}); nothing was recovered");
            return null;
        }
    }

    private static (int Recovered, int Unreadable, int Cut) Salvage(LiteDatabase source, RunStore target, List<string> notes)
    {
        int recovered = 0, unreadable = 0, cut = 0;
        foreach (var doc in ReadAll(source.GetCollection(RunStore.Collections.Runs), notes))
        {
            try
            {
                var run = RunDocuments.FromDocument(doc);
                if (run.Status == RunStatus.Running)
                {
                    run = run with { Status = RunStatus.Interrupted, Error = run.Error ?? "interrupted (found running during repair)" };
                }

                var history = SalvageHistory(source, run, out var complete);
                if (!complete || history.Count < run.Iterations && run.Status != RunStatus.Interrupted)
                {
                    cut++;
                    run = run with { Error = string.Join("; ", new[] { run.Error, HistoryCutNote }.Where(e => e is not null)) };
                }

                target.Import(run, history);
                recovered++;
            }
            catch (Exception ex)
            {
                unreadable++;
                notes.Add($"run {doc["_id"]}: lost ({ex.Message.Split('\n')[0]})");
            }
        }

        SalvageTasks(source, target, notes);
        MapSalvage.Salvage(source, target, notes, ReadAll);
        return (recovered, unreadable, cut);
    }

    /// <summary>Task runs are one document each: a readable one is copied whole, an unreadable one is noted.</summary>
    private static void SalvageTasks(LiteDatabase source, RunStore target, List<string> notes)
    {
        if (!source.CollectionExists(RunStore.Collections.Tasks))
        {
            return;
        }

        var copied = 0;
        foreach (var doc in ReadAll(source.GetCollection(RunStore.Collections.Tasks), notes))
        {
            try
            {
                var task = TaskDocuments.FromDocument(doc);
                target.ImportTask(task.Status == RunStatus.Running
                    ? task with { Status = RunStatus.Interrupted, Error = task.Error ?? "interrupted (found running during repair)" }
                    : task);
                copied++;
            }
            catch (Exception ex)
            {
                notes.Add($"task run {doc["_id"]}: lost ({ex.Message.Split('\n')[0]})");
            }
        }

        notes.Add($"{copied} task run(s) recovered");
    }

    /// <summary>The run's history up to its first unreadable chunk.</summary>
    private static RunHistory SalvageHistory(LiteDatabase source, RunRecord run, out bool complete)
    {
        var good = new List<BsonDocument>();
        complete = true;
        var chunks = ReadAll(source.GetCollection(RunStore.Collections.History).Query()
            .Where(Query.StartsWith("_id", HistoryChunks.Prefix(run.Id))), []).OrderBy(c => c["_id"].AsString).ToList();
        for (var k = 0; k < chunks.Count; k++)
        {
            try
            {
                if (chunks[k]["chunk"].AsInt32 != k)
                {
                    throw new InvalidDataException("a chunk is missing");
                }

                HistoryChunks.Join([chunks[k]], run.Description.ExtraNames);
                good.Add(chunks[k]);
            }
            catch (Exception)
            {
                complete = false;
                break;
            }
        }

        return HistoryChunks.Join(good, run.Description.ExtraNames);
    }

    /// <summary>Every document the engine can still return, stopping at the first that breaks the scan.</summary>
    private static List<BsonDocument> ReadAll(ILiteCollection<BsonDocument> collection, List<string> notes) =>
        ReadAll(collection.Query(), notes);

    private static List<BsonDocument> ReadAll(ILiteQueryable<BsonDocument> query, List<string> notes)
    {
        var documents = new List<BsonDocument>();
        try
        {
            foreach (var doc in query.ToEnumerable())
            {
                documents.Add(doc);
            }
        }
        catch (Exception ex)
        {
            notes.Add($"scan stopped after {documents.Count} documents: {ex.Message.Split('\n')[0]}");
        }

        return documents;
    }
}

using LiteDB;

namespace Workbench.Storage;

/// <summary>One run as a scan found it: its checked document (null when damaged), its chunks in order, what they
/// are worth, and the first problem with either.</summary>
internal sealed record ScannedRun(string Id, StoredRun? Stored, IReadOnlyList<BsonDocument> Chunks, HistoryVerdict? History, string? Problem)
{
    /// <summary>The document can be trusted (its history may still be cut short).</summary>
    public bool Readable => Stored is not null;
}

/// <summary>Reads every run of a database one by one, so that a damaged document or page costs that run alone.
/// Shared by <c>wb db check</c> and <c>wb db repair</c>, so that repair reads at least what check reads.</summary>
internal static class StoreScan
{
    public static IEnumerable<ScannedRun> Runs(LiteDatabase db, Integrity integrity, List<string> problems) =>
        Documents(db, problems).Select(d => One(db, integrity, d.Id, d.Doc, d.Error));

    private static ScannedRun One(LiteDatabase db, Integrity integrity, string id, BsonDocument? doc, string? error)
    {
        if (doc is null)
        {
            return new ScannedRun(id, null, [], null, $"run {id}: unreadable ({error})");
        }

        StoredRun stored;
        try
        {
            stored = integrity.ReadRun(doc);
        }
        catch (RunDamagedException ex)
        {
            return new ScannedRun(ex.RunId, null, [], null, ex.Message);
        }

        try
        {
            var chunks = RunStore.Chunks(db, stored.Run.Id);
            var verdict = integrity.Inspect(stored, chunks);
            return new ScannedRun(stored.Run.Id, stored, chunks, verdict, verdict.Problem);
        }
        catch (Exception ex)
        {
            var none = new HistoryVerdict(0, $"run {stored.Run.Id}: history unreadable ({ex.Message.Split('\n')[0]})");
            return new ScannedRun(stored.Run.Id, stored, [], none, none.Problem);
        }
    }

    /// <summary>Run documents in id order. A scan that breaks (a damaged page) goes on by id from the primary key
    /// index, document by document, so one bad page does not hide the runs behind it.</summary>
    internal static IEnumerable<(string Id, BsonDocument? Doc, string? Error)> Documents(LiteDatabase db, List<string> problems)
    {
        var runs = db.GetCollection(RunStore.Collections.Runs);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<BsonDocument>();
        string? broke = null;
        try
        {
            found.AddRange(runs.FindAll());
        }
        catch (Exception ex)
        {
            broke = ex.Message.Split('\n')[0];
        }

        foreach (var doc in found)
        {
            var id = doc.TryGetValue("_id", out var raw) && raw.IsString ? raw.AsString : raw?.ToString() ?? "?";
            seen.Add(id);
            yield return (id, doc, null);
        }

        if (broke is null)
        {
            yield break;
        }

        problems.Add($"runs collection: a scan broke after {found.Count} runs ({broke}); the rest were read one by one");
        foreach (var id in Ids(db, problems).Concat(HistoryRunIds(db)).Where(seen.Add).ToList())
        {
            BsonDocument? doc = null;
            string? error = null;
            try
            {
                doc = runs.FindById(id);
                error = doc is null ? "no document found for it" : null;
            }
            catch (Exception ex)
            {
                error = ex.Message.Split('\n')[0];
            }

            yield return (id, doc, error);
        }
    }

    /// <summary>Run ids from the primary key index alone (LiteDB answers a query for the indexed key without
    /// reading the documents), as far as the index can be read.</summary>
    private static List<string> Ids(LiteDatabase db, List<string> problems)
    {
        var ids = new List<string>();
        try
        {
            foreach (var doc in db.GetCollection(RunStore.Collections.Runs).Query().Select("$._id").ToEnumerable())
            {
                if (doc.Values.FirstOrDefault() is { IsString: true } id)
                {
                    ids.Add(id.AsString);
                }
            }
        }
        catch (Exception ex)
        {
            problems.Add($"runs index: unreadable after {ids.Count} ids ({ex.Message.Split('\n')[0]}); later runs could not be read");
        }

        return ids;
    }

    /// <summary>The runs that history chunks name, as far as the history can be read: a run whose document sits in
    /// a damaged page is still found, and named, through its history.</summary>
    private static IEnumerable<string> HistoryRunIds(LiteDatabase db)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var chunk in db.GetCollection(RunStore.Collections.History).FindAll())
            {
                if (chunk.TryGetValue("runId", out var id) && id.IsString)
                {
                    ids.Add(id.AsString);
                }
            }
        }
        catch (Exception)
        {
            // What was read before the break is still worth trying; the break itself is reported by OrphanHistory.
        }

        return ids;
    }

    /// <summary>Run ids that history chunks name but no run document holds.</summary>
    public static IReadOnlyCollection<string> OrphanHistory(LiteDatabase db, IReadOnlySet<string> runIds, List<string> problems)
    {
        var orphans = new SortedSet<string>(StringComparer.Ordinal);
        var read = 0;
        try
        {
            foreach (var chunk in db.GetCollection(RunStore.Collections.History).FindAll())
            {
                read++;
                var runId = chunk.TryGetValue("runId", out var r) && r.IsString ? r.AsString : "?";
                if (!runIds.Contains(runId))
                {
                    orphans.Add(runId);
                }
            }
        }
        catch (Exception ex)
        {
            problems.Add($"history collection: a scan broke after {read} chunks ({ex.Message.Split('\n')[0]})");
        }

        return orphans;
    }
}

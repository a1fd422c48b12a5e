using LiteDB;

namespace Workbench.Storage;

/// <summary>The repair source of last resort but one: documents read page by page (<see cref="RawPages"/>), sorted
/// into their collections by their fields, the best copy of each id kept, in a scratch database.</summary>
internal static class RepairPages
{
    public static RepairSource? Open(string path, string scratch, List<string> notes)
    {
        RepairSources.Remove(scratch);
        var best = new Dictionary<(string Collection, string Id), BsonDocument>();
        foreach (var doc in RawPages.Documents(path))
        {
            if (Collection(doc) is not { } collection || !doc.TryGetValue("_id", out var id) || !id.IsString)
            {
                continue;
            }

            var key = (collection, id.AsString);
            if (!best.TryGetValue(key, out var held) || Rank(doc).CompareTo(Rank(held)) > 0)
            {
                best[key] = doc;
            }
        }

        try
        {
            var db = new LiteDatabase(new ConnectionString { Filename = scratch, Connection = ConnectionType.Direct });
            foreach (var group in best.GroupBy(b => b.Key.Collection))
            {
                db.GetCollection(group.Key).Insert(group.Select(g => g.Value));
            }

            var version = best.TryGetValue((RunStore.Collections.Meta, "schema"), out var schema) && schema["version"].IsInt32 ? schema["version"].AsInt32 : 0;
            return new RepairSource("documents read page by page", db, version);
        }
        catch (Exception ex) when (ex is not IOException)
        {
            notes.Add($"documents read page by page could not be gathered ({RepairSources.OneLine(ex)})");
            return null;
        }
    }

    /// <summary>Which collection a document belongs to, told by the fields only its kind has.</summary>
    private static string? Collection(BsonDocument doc) =>
        doc.ContainsKey("runId") && doc.ContainsKey("chunk") ? RunStore.Collections.History
        : doc.ContainsKey("alg") && doc.ContainsKey("prob") ? RunStore.Collections.Runs
        : doc.ContainsKey("task") && doc.ContainsKey("perNode") ? RunStore.Collections.Tasks
        : doc.ContainsKey("job") && doc.ContainsKey("slotCount") ? RunStore.Collections.Maps
        : doc["_id"] is { IsString: true } id && (id.AsString == "schema" || id.AsString == Integrity.UncheckedId) ? RunStore.Collections.Meta
        : null;

    /// <summary>A sound copy over a damaged one; then the one furthest along (more rows, more history, finished).</summary>
    private static (bool Sound, long Rows, long Bytes, bool Finished) Rank(BsonDocument doc) => (
        Checksums.Verify(doc) == Checksums.Verdict.Valid,
        doc.TryGetValue("rows", out var rows) && rows.IsNumber ? rows.AsInt64 : 0,
        doc.TryGetValue("iteration", out var it) && it.IsBinary ? it.AsBinary.Length : 0,
        !(doc.TryGetValue("status", out var status) && status.IsString && status.AsString == "Running"));
}

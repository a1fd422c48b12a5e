using LiteDB;

namespace Workbench.Storage;

/// <summary>What a task or map listing found: the sound records, and those set apart as damaged (id and problem).</summary>
public sealed record CheckedListing<T>(IReadOnlyList<T> Items, IReadOnlyList<DamagedRun> Damaged);

/// <summary>Reads the documents of a task or map listing one by one, as run listings do: a damaged document is set
/// apart instead of failing the whole listing, and a query that breaks (a damaged page or index) goes on through the
/// primary key, document by document.</summary>
internal static class DocumentListing
{
    /// <param name="query">The filtered query (through the indexes); its results are re-filtered by <paramref name="matches"/> on the fallback path.</param>
    /// <param name="read">Decodes and checks one document.</param>
    /// <param name="noun">"task run" or "map run", for messages.</param>
    public static List<T> Read<T>(ILiteCollection<BsonDocument> collection, Func<ILiteQueryable<BsonDocument>> query, Func<BsonDocument, T> read,
        Func<T, bool> matches, string noun, List<DamagedRun> damaged)
    {
        List<BsonDocument> found;
        var fallback = false;
        try
        {
            found = query().ToList();
        }
        catch (Exception)
        {
            found = ByKey(collection, noun, damaged);
            fallback = true;
        }

        var records = new List<T>();
        foreach (var doc in found)
        {
            try
            {
                var record = read(doc);
                if (!fallback || matches(record))
                {
                    records.Add(record);
                }
            }
            catch (RunDamagedException ex)
            {
                damaged.Add(new DamagedRun(ex.RunId, ex.Message));
            }
        }

        return records;
    }

    /// <summary>Every document reachable through the primary key index; one that cannot be read is noted as damaged.</summary>
    private static List<BsonDocument> ByKey(ILiteCollection<BsonDocument> collection, string noun, List<DamagedRun> damaged)
    {
        var ids = new List<BsonValue>();
        try
        {
            ids.AddRange(collection.Query().Select("$._id").ToEnumerable().Select(d => d.Values.FirstOrDefault() ?? BsonValue.Null));
        }
        catch (Exception ex)
        {
            damaged.Add(new DamagedRun("?", $"{noun}s: the index is unreadable after {ids.Count} ids ({ex.Message.Split('\n')[0]})"));
        }

        var docs = new List<BsonDocument>();
        foreach (var id in ids.Where(i => !i.IsNull))
        {
            try
            {
                docs.Add(collection.FindById(id) ?? throw new InvalidDataException("no document found for it"));
            }
            catch (Exception ex)
            {
                var text = id.IsString ? id.AsString : id.ToString();
                damaged.Add(new DamagedRun(text, $"{noun} {text}: unreadable ({ex.Message.Split('\n')[0]})"));
            }
        }

        return docs;
    }
}

using LiteDB;
using Workbench.Engine.Archive;

namespace Workbench.Storage;

/// <summary>A run document as read and checked: the run, how many history rows its writer says it wrote (null in
/// documents written before checksums), and whether a checksum vouched for it.</summary>
internal sealed record StoredRun(RunRecord Run, long? Rows, bool Checked);

/// <summary>What one run's history chunks are worth: how many lead chunks are sound, and the first problem, if any.</summary>
internal sealed record HistoryVerdict(int GoodChunks, string? Problem);

/// <summary>Checks run documents and history chunks against their checksums and against each other.</summary>
/// <remarks>
/// Files of schema 3 or older carry no checksums: all their documents read as unchecked. When a writer brings a
/// file to schema 4 it lists the ids already there in <c>meta/unchecked</c>; after that, a run document or chunk
/// without a checksum is damage (a flipped byte in the field name), unless its run is on that list.
/// </remarks>
internal sealed class Integrity
{
    public const int ChecksumSchema = 4;
    public const string UncheckedId = "unchecked";

    private readonly HashSet<string>? _unchecked;

    private Integrity(HashSet<string>? uncheckedIds, string? problem)
    {
        _unchecked = uncheckedIds;
        Problem = problem;
    }

    /// <summary>Set when the list of unchecked ids is itself damaged (then nothing is taken as unchecked).</summary>
    public string? Problem { get; }

    /// <summary>True for a file written before checksums: nothing in it can be checked.</summary>
    public bool NothingChecked => _unchecked is null;

    public static Integrity Load(LiteDatabase? db, int schemaVersion)
    {
        if (db is null || schemaVersion < ChecksumSchema)
        {
            return new Integrity(null, null);
        }

        var doc = db.GetCollection(RunStore.Collections.Meta).FindById(UncheckedId);
        if (doc is null)
        {
            return new Integrity([], null);
        }

        return Checksums.Verify(doc) == Checksums.Verdict.Valid && doc["ids"].IsArray
            ? new Integrity(doc["ids"].AsArray.Where(v => v.IsString).Select(v => v.AsString).ToHashSet(StringComparer.Ordinal), null)
            : new Integrity([], "the list of runs written before checksums (meta/unchecked) is damaged");
    }

    /// <summary>A document's id as text for messages (not JSON-quoted).</summary>
    public static string IdOf(BsonDocument doc) =>
        doc.TryGetValue("_id", out var id) ? id.IsString ? id.AsString : id.ToString() : "?";

    public bool IsUnchecked(string id) => _unchecked is null || _unchecked.Contains(id);

    /// <summary>Decodes a run document, refusing one that fails its checksum or cannot be decoded.</summary>
    /// <exception cref="RunDamagedException">the document is damaged.</exception>
    public StoredRun ReadRun(BsonDocument doc)
    {
        var id = IdOf(doc);
        var verdict = Checksums.Verify(doc);
        if (verdict == Checksums.Verdict.Mismatch)
        {
            throw new RunDamagedException(id, $"run {id}: its document fails its checksum");
        }

        if (verdict == Checksums.Verdict.Missing && !IsUnchecked(id))
        {
            throw new RunDamagedException(id, $"run {id}: its document has lost its checksum");
        }

        try
        {
            var rows = doc.TryGetValue("rows", out var r) && r.IsNumber ? r.AsInt64 : (long?)null;
            return new StoredRun(RunDocuments.FromDocument(doc), rows, verdict == Checksums.Verdict.Valid);
        }
        catch (Exception ex) when (ex is not RunDamagedException)
        {
            throw new RunDamagedException(id, $"run {id}: its document cannot be decoded ({ex.Message.Split('\n')[0]})");
        }
    }

    /// <summary>Decodes a task run document, refusing one that fails its checksum, has lost it, or cannot be decoded.</summary>
    /// <exception cref="RunDamagedException">the document is damaged.</exception>
    public TaskRunRecord ReadTask(BsonDocument doc) => ReadSealed(doc, "task run", TaskDocuments.FromDocument);

    /// <summary>Decodes a map run document like <see cref="ReadTask"/>.</summary>
    /// <exception cref="RunDamagedException">the document is damaged.</exception>
    public MapRunRecord ReadMap(BsonDocument doc) => ReadSealed(doc, "map run", MapDocuments.FromDocument);

    private T ReadSealed<T>(BsonDocument doc, string noun, Func<BsonDocument, T> decode)
    {
        var id = IdOf(doc);
        var verdict = Checksums.Verify(doc);
        if (verdict == Checksums.Verdict.Mismatch)
        {
            throw new RunDamagedException(id, $"{noun} {id}: its document fails its checksum");
        }

        if (verdict == Checksums.Verdict.Missing && !IsUnchecked(id))
        {
            throw new RunDamagedException(id, $"{noun} {id}: its document has lost its checksum");
        }

        try
        {
            return decode(doc);
        }
        catch (Exception ex)
        {
            throw new RunDamagedException(id, $"{noun} {id}: its document cannot be decoded ({ex.Message.Split('\n')[0]})");
        }
    }

    /// <summary>Checks a run's chunks, ordered by id: each sealed (or its run unchecked), numbered 0, 1, 2..., full
    /// but the last, and together exactly the rows the run document counts.</summary>
    public HistoryVerdict Inspect(StoredRun stored, IReadOnlyList<BsonDocument> chunks)
    {
        var run = stored.Run;
        long rows = 0;
        for (var k = 0; k < chunks.Count; k++)
        {
            if (Step(run, chunks[k], k, last: k == chunks.Count - 1, out var count) is { } problem)
            {
                return new HistoryVerdict(k, problem);
            }

            rows += count;
        }

        return new HistoryVerdict(chunks.Count, RowsProblem(stored, chunks.Count, rows));
    }

    /// <summary>The same checks as <see cref="Inspect"/>, one chunk at a time, for readers that must not hold a whole
    /// history (exports): yields each chunk with its row count once it is known to be sound. A chunk is handed on only
    /// when the next one (or the end) has been seen, because only then is it known whether it must be full.</summary>
    /// <exception cref="RunDamagedException">at the first damaged or missing chunk; what was yielded before was sound.</exception>
    public IEnumerable<(BsonDocument Chunk, int Rows)> Checked(StoredRun stored, IEnumerable<BsonDocument> chunks)
    {
        var run = stored.Run;
        long rows = 0;
        var k = 0;
        BsonDocument? held = null;
        foreach (var chunk in chunks)
        {
            if (held is not null)
            {
                yield return (held, Pass(run, held, k++, last: false, ref rows));
            }

            held = chunk;
        }

        if (held is not null)
        {
            yield return (held, Pass(run, held, k++, last: true, ref rows));
        }

        if (RowsProblem(stored, k, rows) is { } problem)
        {
            throw new RunDamagedException(run.Id, problem);
        }
    }

    private int Pass(RunRecord run, BsonDocument chunk, int k, bool last, ref long rows)
    {
        if (Step(run, chunk, k, last, out var count) is { } problem)
        {
            throw new RunDamagedException(run.Id, problem);
        }

        rows += count;
        return count;
    }

    /// <summary>One chunk's checks: sealed (or its run unchecked), in its place, and full unless it is the last.</summary>
    private string? Step(RunRecord run, BsonDocument chunk, int k, bool last, out int count)
    {
        count = 0;
        var where = $"run {run.Id}: history chunk {k} (rows {(long)k * HistoryChunks.RowsPerChunk}-{((long)k + 1) * HistoryChunks.RowsPerChunk - 1})";
        var problem = Checksums.Verify(chunk) switch
        {
            Checksums.Verdict.Mismatch => $"{where} fails its checksum",
            Checksums.Verdict.Missing when !IsUnchecked(run.Id) => $"{where} has lost its checksum",
            _ => null,
        };
        return problem ?? (ChunkShape(chunk, k, run, out count, last) is { } shape ? $"{where} {shape}" : null);
    }

    private static string? RowsProblem(StoredRun stored, int chunks, long rows) => stored.Rows is long expected && expected != rows
        ? $"run {stored.Run.Id}: {rows} history rows stored for {expected} written (history chunk {chunks} or later is missing)"
        : null;

    /// <summary>Reads a run's whole history, refusing a damaged one.</summary>
    /// <exception cref="RunDamagedException">a chunk is damaged or missing.</exception>
    public RunHistory ReadHistory(StoredRun stored, IReadOnlyList<BsonDocument> chunks)
    {
        var verdict = Inspect(stored, chunks);
        return verdict.Problem is { } problem
            ? throw new RunDamagedException(stored.Run.Id, problem)
            : HistoryChunks.Join(chunks, stored.Run.Description.ExtraNames);
    }

    private static string? ChunkShape(BsonDocument chunk, int k, RunRecord run, out int count, bool last)
    {
        count = 0;
        try
        {
            if (chunk["runId"].AsString != run.Id || chunk["chunk"].AsInt32 != k)
            {
                return "is out of place (another run's or a missing chunk)";
            }

            count = HistoryChunks.Join([chunk], run.Description.ExtraNames).Count;
            return count > HistoryChunks.RowsPerChunk || (!last && count != HistoryChunks.RowsPerChunk)
                ? $"holds {count} rows"
                : null;
        }
        catch (Exception ex)
        {
            return $"cannot be decoded ({ex.Message.Split('\n')[0]})";
        }
    }
}

using LiteDB;
using Workbench.Engine.Archive;

namespace Workbench.Storage;

/// <summary>History read one chunk at a time, for readers that must not hold a whole history (exports of runs
/// recorded with <c>--history full</c> run to millions of rows).</summary>
public sealed partial class RunStore
{
    /// <summary>A run's history in chunks of at most <see cref="HistoryChunks.RowsPerChunk"/> rows, each checked as
    /// <see cref="LoadHistory"/> checks the whole. Each enumeration reads the file again.</summary>
    /// <exception cref="RunDamagedException">when the enumeration reaches damage; the chunks before it were sound. A
    /// reader that must not write part of a damaged run calls <see cref="VerifyHistory"/> first.</exception>
    public IEnumerable<RunHistory> ReadHistoryChunks(string runId)
    {
        var stored = ReadStored(Resolve(runId));
        var names = stored.Run.Description.ExtraNames;
        using var chunks = Integrity.Checked(stored, LazyChunks(stored.Run.Id)).GetEnumerator();
        while (Guard(() => Damaged(chunks.MoveNext)))
        {
            yield return Guard(() => HistoryChunks.Join([chunks.Current.Chunk], names));
        }
    }

    /// <summary>Checks a run's whole history holding one chunk at a time, so that an export refuses a damaged run
    /// before it writes anything.</summary>
    /// <exception cref="RunDamagedException">the run's document or a chunk of its history is damaged.</exception>
    public void VerifyHistory(string runId)
    {
        var stored = ReadStored(Resolve(runId));
        using var chunks = Integrity.Checked(stored, LazyChunks(stored.Run.Id)).GetEnumerator();
        while (Guard(() => Damaged(chunks.MoveNext)))
        {
        }
    }

    /// <summary>A run's chunks in chunk order, each read by its id in a lookup of its own: one query over the whole
    /// history would hold every page it read until it ends (LiteDB keeps a read's pages for its transaction), which
    /// for millions of rows is the history's size again. A chunk missing before the last shows as damage: the rows
    /// read fall short of the rows the run document counts.</summary>
    private IEnumerable<BsonDocument> LazyChunks(string runId)
    {
        var history = _db!.GetCollection(Collections.History);
        for (var k = 0; history.FindById(HistoryChunks.Id(runId, k)) is { } chunk; k++)
        {
            yield return chunk;
        }
    }
}

using System.Globalization;
using LiteDB;
using Workbench.Engine.Archive;

namespace Workbench.Storage;

/// <summary>History chunk ⇄ BSON document of the <c>history</c> collection (schema version 1; sealed with a
/// checksum since version 4).</summary>
/// <remarks>
/// One document holds up to <see cref="RowsPerChunk"/> iterations as parallel packed columns, so a long run is a
/// handful of documents, not one per iteration. Its id is <c>runId:chunkIndex</c> (zero-padded): a prefix query
/// on the primary key finds a run's chunks in order without a second index.
/// </remarks>
internal static class HistoryChunks
{
    public const int RowsPerChunk = 1024;

    public static string Id(string runId, int chunkIndex) => string.Create(CultureInfo.InvariantCulture, $"{runId}:{chunkIndex:D6}");

    public static string Prefix(string runId) => runId + ":";

    public static BsonDocument ToDocument(string runId, int chunkIndex, HistoryBuffer rows, IReadOnlyList<string> extraNames)
    {
        var extras = new BsonArray();
        for (var k = 0; k < extraNames.Count; k++)
        {
            extras.Add(new BsonArray(new BsonValue(extraNames[k]), new BsonValue(Columns.Pack(rows.Extra(k)))));
        }

        return Checksums.Seal(new BsonDocument
        {
            ["_id"] = Id(runId, chunkIndex),
            ["runId"] = runId,
            ["chunk"] = chunkIndex,
            ["iteration"] = Columns.Pack(rows.Iteration),
            ["evaluations"] = Columns.Pack(rows.Evaluations),
            ["best"] = Columns.Pack(rows.Best),
            ["iterBest"] = Columns.Pack(rows.IterationBest),
            ["mean"] = Columns.Pack(rows.Mean),
            ["elapsed"] = Columns.Pack(rows.Elapsed),
            ["extras"] = extras,
        });
    }

    /// <summary>A whole history as chunk documents.</summary>
    public static IEnumerable<BsonDocument> Split(RunRecord run, RunHistory history)
    {
        var names = run.Description.ExtraNames;
        var all = new HistoryBuffer(names.Count, Math.Max(1, history.Count));
        for (var i = 0; i < history.Count; i++)
        {
            all.Add(new Engine.Running.IterationRecord(history.Iteration[i], history.Evaluations[i], history.Best[i], history.IterationBest[i],
                history.Mean[i], history.Elapsed[i], names.Select(n => history.Extras.TryGetValue(n, out var e) ? e[i] : double.NaN).ToArray()));
        }

        var chunk = new HistoryBuffer(names.Count, RowsPerChunk);
        for (int from = 0, index = 0; from < all.Count; from += RowsPerChunk, index++)
        {
            chunk.Clear();
            chunk.AddRange(all, from, Math.Min(RowsPerChunk, all.Count - from));
            yield return ToDocument(run.Id, index, chunk, names);
        }
    }

    /// <summary>Joins a run's chunk documents (in chunk order) into one history.</summary>
    public static RunHistory Join(IEnumerable<BsonDocument> chunks, IReadOnlyList<string> extraNames)
    {
        var iteration = new List<long>();
        var evaluations = new List<long>();
        var best = new List<double>();
        var iterationBest = new List<double>();
        var mean = new List<double>();
        var elapsed = new List<double>();
        var extras = extraNames.ToDictionary(n => n, _ => new List<double>(), StringComparer.Ordinal);
        foreach (var doc in chunks)
        {
            var it = Columns.Longs(doc["iteration"].AsBinary);
            var columns = (ev: Columns.Longs(doc["evaluations"].AsBinary), b: Columns.Doubles(doc["best"].AsBinary),
                ib: Columns.Doubles(doc["iterBest"].AsBinary), m: Columns.Doubles(doc["mean"].AsBinary),
                el: Columns.Doubles(doc["elapsed"].AsBinary));
            if (columns.ev.Length != it.Length || columns.b.Length != it.Length || columns.ib.Length != it.Length
                || columns.m.Length != it.Length || columns.el.Length != it.Length)
            {
                throw new InvalidDataException($"history chunk {doc["_id"].AsString} has columns of different lengths");
            }

            iteration.AddRange(it);
            evaluations.AddRange(columns.ev);
            best.AddRange(columns.b);
            iterationBest.AddRange(columns.ib);
            mean.AddRange(columns.m);
            elapsed.AddRange(columns.el);
            var stored = doc["extras"].AsArray.ToDictionary(p => p.AsArray[0].AsString, p => Columns.Doubles(p.AsArray[1].AsBinary), StringComparer.Ordinal);
            foreach (var (name, list) in extras)
            {
                list.AddRange(stored.TryGetValue(name, out var values) && values.Length == it.Length ? values : Enumerable.Repeat(double.NaN, it.Length));
            }
        }

        return new RunHistory(iteration.ToArray(), evaluations.ToArray(), best.ToArray(), iterationBest.ToArray(),
            mean.ToArray(), elapsed.ToArray(), extras.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}

using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>The read and edit side: lookup by id prefix, history, delete, tag.</summary>
public sealed partial class RunStore
{
    public RunRecord Get(string idOrPrefix)
    {
        var id = Resolve(idOrPrefix);
        return Normalise(ReadStored(id).Run);
    }

    /// <exception cref="RunDamagedException">the run's document is damaged.</exception>
    private StoredRun ReadStored(string id) => Guard(() => Damaged(() => Integrity.ReadRun(
        _db!.GetCollection(Collections.Runs).FindById(id) ?? throw new RunIdException($"no run with id {id} in {Path}", []))));

    /// <summary>A reader's refusal says what to do about it.</summary>
    private static T Damaged<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RunDamagedException ex)
        {
            throw new RunDamagedException(ex.RunId, $"{ex.Message}: the run is damaged and not shown; wb db check lists all damage, wb db repair salvages the rest");
        }
    }

    /// <summary>The full id of the one run whose id starts with <paramref name="idOrPrefix"/>.</summary>
    public string Resolve(string idOrPrefix) => ResolveIn(Collections.Runs, "run", idOrPrefix);

    private string ResolveIn(string collection, string noun, string idOrPrefix)
    {
        var prefix = idOrPrefix.Trim().ToLowerInvariant();
        if (prefix.Length == 0 || prefix.Any(c => !char.IsAsciiHexDigit(c)))
        {
            throw new RunIdException($"'{idOrPrefix}' is not a {noun} id (expected hexadecimal digits)", []);
        }

        var matches = _db is null || !Guard(() => _db.CollectionExists(collection)) ? [] : Guard(() => _db.GetCollection(collection)
            .Find(Query.StartsWith("_id", prefix), limit: 11).Select(d => d["_id"].AsString).ToList());
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new RunIdException($"no {noun} with id {idOrPrefix} in {Path}", []),
            _ => throw new RunIdException(
                $"{noun} id prefix '{idOrPrefix}' is ambiguous: it matches {(matches.Count > 10 ? $"more than 10 {noun}s" : $"{matches.Count} {noun}s")} — {string.Join(", ", matches.Take(10))}",
                matches.Take(10).ToList()),
        };
    }

    /// <exception cref="RunDamagedException">the run's document or a chunk of its history is damaged.</exception>
    public RunHistory LoadHistory(string runId)
    {
        var stored = ReadStored(Resolve(runId));
        return Guard(() => Damaged(() => Integrity.ReadHistory(stored, Chunks(_db!, stored.Run.Id))));
    }

    /// <summary>A run's history chunks in chunk order (their ids sort as the chunk numbers, zero-padded).</summary>
    internal static List<BsonDocument> Chunks(LiteDatabase db, string runId) =>
        db.GetCollection(Collections.History).Find(Query.StartsWith("_id", HistoryChunks.Prefix(runId)))
            .OrderBy(d => d["_id"].IsString ? d["_id"].AsString : "", StringComparer.Ordinal).ToList();

    public int Delete(IEnumerable<string> runIds)
    {
        var db = Writable();
        var count = 0;
        foreach (var id in runIds)
        {
            db.BeginTrans();
            try
            {
                db.GetCollection(Collections.History).DeleteMany(Query.StartsWith("_id", HistoryChunks.Prefix(id)));
                count += db.GetCollection(Collections.Runs).Delete(id) ? 1 : 0;
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }

        return count;
    }

    public void Tag(string runId, string tag)
    {
        var runs = Writable().GetCollection(Collections.Runs);
        var doc = runs.FindById(runId) ?? throw new RunIdException($"no run with id {runId} in {Path}", []);
        Integrity.ReadRun(doc); // never reseal a damaged document: that would vouch for the damage
        var tags = doc["tags"].AsArray;
        if (!tags.Any(t => t.AsString == tag))
        {
            tags.Add(tag);
            Checksums.Reseal(doc);
            runs.Update(doc);
        }
    }

    /// <summary>Writes a finished run and its whole history in one transaction (repair, imports).</summary>
    public void Import(RunRecord run, RunHistory history) => Import([(run, history)]);

    /// <summary>Writes finished runs with their histories, in one transaction per 500 runs (benchmarks, imports).</summary>
    public void Import(IEnumerable<(RunRecord Run, RunHistory History)> runs)
    {
        var db = Writable();
        foreach (var batch in runs.Chunk(500))
        {
            db.BeginTrans();
            try
            {
                foreach (var (run, history) in batch)
                {
                    db.GetCollection(Collections.Runs).Upsert(RunDocuments.ToDocument(run, history.Count));
                    foreach (var chunk in HistoryChunks.Split(run, history))
                    {
                        db.GetCollection(Collections.History).Upsert(chunk);
                    }
                }

                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    /// <summary>A run still marked running that this store is not recording has lost its process.</summary>
    private RunRecord Normalise(RunRecord run)
    {
        if (run.Status != RunStatus.Running)
        {
            return run;
        }

        lock (_recording)
        {
            return _recording.Contains(run.Id) ? run : run with
            {
                Status = RunStatus.Interrupted,
                Error = run.Error ?? OrphanMessage(run.OwnerPid, run.OwnerHost),
            };
        }
    }

    private LiteDatabase Writable() => IsReadOnly || _db is null
        ? throw new InvalidOperationException($"{Path} was opened read-only")
        : _db;

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not RunIdException and not RunDamagedException)
        {
            throw Translate(ex, Path);
        }
    }
}

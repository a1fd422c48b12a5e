using LiteDB;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>What a writer does to a file when it opens it: bring the schema to the current version, and mark the
/// runs and task runs that a dead process left <c>running</c> as interrupted.</summary>
public sealed partial class RunStore
{
    /// <summary>What a writer does to a new or older file, in this order, each step idempotent. A new store is marked
    /// first: killed while it is being created (<c>wb run</c> opens its store while the plugins load, so a Ctrl-C or
    /// a kill at start-up can land here), it is then an unfinished Workbench store that the next writer completes,
    /// never a LiteDB file with collections but no 'meta', which every command refuses as foreign.</summary>
    internal static readonly Action<LiteDatabase>[] CreationSteps = [MarkIfNew, EnsureIndexes];

    private static int InitialiseSchema(LiteDatabase db)
    {
        var schema = db.GetCollection(Collections.Meta).FindById("schema");
        foreach (var step in CreationSteps)
        {
            step(db);
        }

        if (schema is not null && schema["version"].AsInt32 < CurrentSchemaVersion)
        {
            if (schema["version"].AsInt32 < Integrity.ChecksumSchema)
            {
                ListUnchecked(db);
            }

            schema["version"] = CurrentSchemaVersion;
            db.GetCollection(Collections.Meta).Update(schema);
        }

        return CurrentSchemaVersion;
    }

    private static void MarkIfNew(LiteDatabase db)
    {
        var meta = db.GetCollection(Collections.Meta);
        if (meta.FindById("schema") is null)
        {
            meta.Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = CurrentSchemaVersion, ["created"] = DateTime.UtcNow.Ticks });
        }
    }

    private static void EnsureIndexes(LiteDatabase db)
    {
        var runs = db.GetCollection(Collections.Runs);
        runs.EnsureIndex("started", "$.started");
        runs.EnsureIndex("alg", "$.alg.id");
        runs.EnsureIndex("prob", "$.prob.id");
        runs.EnsureIndex("status", "$.status");
        runs.EnsureIndex("tags", "$.tags[*]");
        // 1 -> 2 only adds the tasks collection: nothing stored before changes, so the step is these indexes.
        var tasks = db.GetCollection(Collections.Tasks);
        tasks.EnsureIndex("started", "$.started");
        tasks.EnsureIndex("task", "$.task");
        tasks.EnsureIndex("status", "$.status");
        // 2 -> 3 only adds the maps collection, likewise.
        var maps = db.GetCollection(Collections.Maps);
        maps.EnsureIndex("started", "$.started");
        maps.EnsureIndex("job", "$.job");
        maps.EnsureIndex("status", "$.status");
    }

    /// <summary>A writer first reads every run, task run and map run document and every history chunk's checksum
    /// (unless the <see cref="CleanMark"/> vouches for the file), so that it never writes into a file that
    /// <c>wb db check</c> would flag.</summary>
    private static void ProbeRuns(LiteDatabase probe, string path, int version)
    {
        if (version == 0)
        {
            return;
        }

        var integrity = Integrity.Load(probe, version);
        try
        {
            var rows = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var doc in probe.GetCollection(Collections.Runs).FindAll())
            {
                var stored = integrity.ReadRun(doc);
                if (stored.Rows is long n)
                {
                    rows[stored.Run.Id] = n;
                }
            }

            foreach (var (collection, read) in new (string, Action<BsonDocument>)[]
                     { (Collections.Tasks, d => integrity.ReadTask(d)), (Collections.Maps, d => integrity.ReadMap(d)) })
            {
                if (probe.CollectionExists(collection))
                {
                    foreach (var doc in probe.GetCollection(collection).FindAll())
                    {
                        read(doc);
                    }
                }
            }

            HistoryProbe.Verify(probe, integrity, rows);
        }
        catch (RunDamagedException ex)
        {
            throw new StoreDamagedException($"{path} is damaged ({ex.Message}); nothing was written to it — see wb db check and wb db repair");
        }
    }

    /// <summary>3 -> 4 seals every document written from now on; those already there stay unchecked, and are listed
    /// so that a document that lost its checksum later is not mistaken for one of them.</summary>
    private static void ListUnchecked(LiteDatabase db)
    {
        var ids = new BsonArray();
        foreach (var collection in new[] { Collections.Runs, Collections.Tasks, Collections.Maps })
        {
            ids.AddRange(db.GetCollection(collection).FindAll().Select(d => d["_id"]));
        }

        db.GetCollection(Collections.Meta).Upsert(Checksums.Seal(new BsonDocument { ["_id"] = Integrity.UncheckedId, ["ids"] = ids }));
    }

    /// <summary>Holding the lock proves no other process is recording here, so any run still <c>running</c> was
    /// left by a process that died (a PID check alone could be fooled by PID reuse).</summary>
    private static void MarkOrphansInterrupted(LiteDatabase db)
    {
        foreach (var (collection, noun) in new[] { (Collections.Runs, "run"), (Collections.Tasks, "task"), (Collections.Maps, "map") })
        {
            var documents = db.GetCollection(collection);
            foreach (var doc in documents.Find(Query.EQ("status", nameof(RunStatus.Running))).ToList())
            {
                if (Checksums.Verify(doc) == Checksums.Verdict.Mismatch)
                {
                    continue; // damaged: resealing it would vouch for the damage; check reports it, repair salvages it
                }

                doc["status"] = nameof(RunStatus.Interrupted);
                doc["error"] = OrphanMessage(doc["pid"].AsInt32, doc["host"].AsString, noun);
                Checksums.Reseal(doc);
                documents.Update(doc);
            }
        }
    }

    private static string OrphanMessage(int pid, string host, string noun = "run") => $"process {pid} on {host} ended without finishing the {noun}";
}

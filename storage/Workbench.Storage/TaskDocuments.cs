using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Task run record ⇄ BSON document of the <c>tasks</c> collection (added in schema version 2).</summary>
/// <remarks>Hand-written for the same reason as <see cref="RunDocuments"/>: field names are a versioned format. The
/// per-node statistics sit in the document itself: a task has one row per node, a few dozen at most.</remarks>
internal static class TaskDocuments
{
    public static BsonDocument ToDocument(TaskRunRecord t) => Checksums.Seal(new BsonDocument
    {
        ["_id"] = t.Id,
        ["task"] = t.TaskId,
        ["plugin"] = new BsonDocument
        {
            ["id"] = t.Origin.PluginId, ["version"] = t.Origin.PluginVersion, ["sha256"] = t.Origin.AssemblySha256, ["folder"] = t.Origin.Folder,
        },
        // Pairs, not a sub-document: option names are plugin-defined and need not be valid field names.
        ["options"] = new BsonArray(t.Options.Select(o => new BsonArray(new BsonValue(o.Key), new BsonValue(o.Value)))),
        ["seed"] = unchecked((long)t.Seed), // BSON has no unsigned 64-bit integer
        ["nodes"] = t.NodeCount,
        ["machine"] = new BsonDocument
        {
            ["host"] = t.Machine.HostName, ["os"] = t.Machine.Os, ["cpu"] = t.Machine.Cpu, ["cores"] = t.Machine.Cores, ["dotnet"] = t.Machine.DotNet,
        },
        ["started"] = t.StartedAt.UtcTicks,
        ["ended"] = t.EndedAt is { } e ? e.UtcTicks : BsonValue.Null,
        ["status"] = t.Status.ToString(),
        ["error"] = t.Error is null ? BsonValue.Null : t.Error,
        ["wall"] = t.WallSeconds,
        ["result"] = t.Result is { } r ? Result(r) : BsonValue.Null,
        ["perNode"] = new BsonArray(t.Nodes.Select(n => new BsonDocument
        {
            ["node"] = n.Node, ["seconds"] = n.Seconds, ["tube"] = n.TubeSeconds, ["pushed"] = n.Pushed, ["popped"] = n.Popped, ["ok"] = n.Succeeded,
        })),
        ["pid"] = t.OwnerPid,
        ["host"] = t.OwnerHost,
    });

    public static TaskRunRecord FromDocument(BsonDocument doc)
    {
        // Sealed since schema 4; an older document has no checksum and reads unchecked.
        if (Checksums.Verify(doc) == Checksums.Verdict.Mismatch)
        {
            throw new InvalidDataException("its document fails its checksum");
        }

        var plugin = doc["plugin"].AsDocument;
        var machine = doc["machine"].AsDocument;
        return new TaskRunRecord
        {
            Id = Required(doc, "_id").AsString,
            TaskId = Required(doc, "task").AsString,
            Origin = new ComponentOrigin(plugin["id"].AsString, plugin["version"].AsString, plugin["sha256"].AsString, plugin["folder"].AsString),
            Options = doc["options"].AsArray.ToDictionary(p => p.AsArray[0].AsString, p => p.AsArray[1].AsString, StringComparer.Ordinal),
            Seed = unchecked((ulong)Required(doc, "seed").AsInt64),
            NodeCount = doc["nodes"].AsInt32,
            Machine = new MachineInfo(machine["host"].AsString, machine["os"].AsString, machine["cpu"].AsString, machine["cores"].AsInt32, machine["dotnet"].AsString),
            StartedAt = new DateTimeOffset(Required(doc, "started").AsInt64, TimeSpan.Zero),
            EndedAt = doc["ended"].IsNull ? null : new DateTimeOffset(doc["ended"].AsInt64, TimeSpan.Zero),
            Status = Enum.Parse<RunStatus>(Required(doc, "status").AsString),
            Error = doc["error"].IsNull ? null : doc["error"].AsString,
            WallSeconds = doc["wall"].AsDouble,
            Result = doc["result"].IsNull ? null : Result(doc["result"].AsDocument),
            Nodes = doc["perNode"].AsArray.Select(n => new TaskNodeRecord(n["node"].AsInt32, n["seconds"].AsDouble, n["tube"].AsDouble,
                n["pushed"].AsInt64, n["popped"].AsInt64, n["ok"].AsBoolean)).ToArray(),
            OwnerPid = doc["pid"].AsInt32,
            OwnerHost = doc["host"].AsString,
        };
    }

    /// <summary>The fields that change when a task ends.</summary>
    public static void SetOutcome(BsonDocument doc, TaskRunRecord t)
    {
        if (Checksums.Verify(doc) == Checksums.Verdict.Mismatch)
        {
            throw new InvalidDataException($"task run {Integrity.IdOf(doc)}: its document fails its checksum; its outcome was not written over the damage");
        }

        var fresh = ToDocument(t);
        foreach (var field in new[] { "options", "nodes", "ended", "status", "error", "wall", "result", "perNode" })
        {
            doc[field] = fresh[field];
        }

        Checksums.Reseal(doc);
    }

    private static BsonDocument Result(TaskResultRecord r) => new()
    {
        ["kind"] = r.Kind,
        ["shape"] = new BsonArray(r.Shape.Select(s => new BsonValue(s))),
        ["length"] = r.Length is int n ? n : BsonValue.Null,
        ["text"] = r.Text is null ? BsonValue.Null : r.Text,
        ["scalar"] = r.Scalar is double x ? x : BsonValue.Null,
        ["sha256"] = r.Sha256,
        ["metrics"] = new BsonArray(r.Metrics.Select(m => new BsonDocument { ["name"] = m.Name, ["value"] = m.Value, ["unit"] = m.Unit })),
    };

    private static TaskResultRecord Result(BsonDocument d) => new(
        d["kind"].AsString,
        d["shape"].AsArray.Select(s => s.AsInt32).ToArray(),
        d["length"].IsNull ? null : d["length"].AsInt32,
        d["text"].IsNull ? null : d["text"].AsString,
        d["scalar"].IsNull ? null : d["scalar"].AsDouble,
        d["sha256"].AsString,
        d["metrics"].AsArray.Select(m => new TaskMetricRecord(m["name"].AsString, m["value"].AsDouble, m["unit"].AsString)).ToArray());

    private static BsonValue Required(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var value) && !value.IsNull
            ? value
            : throw new InvalidDataException($"task document lacks '{field}'");
}

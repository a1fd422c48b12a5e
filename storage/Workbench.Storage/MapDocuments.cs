using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Map run record ⇄ BSON document of the <c>maps</c> collection (added in schema version 3).</summary>
/// <remarks>Hand-written like <see cref="TaskDocuments"/>: field names are a versioned format.</remarks>
internal static class MapDocuments
{
    public static BsonDocument ToDocument(MapRunRecord m) => Checksums.Seal(new BsonDocument
    {
        ["_id"] = m.Id,
        ["job"] = m.JobId,
        ["plugin"] = new BsonDocument
        {
            ["id"] = m.Origin.PluginId, ["version"] = m.Origin.PluginVersion, ["sha256"] = m.Origin.AssemblySha256, ["folder"] = m.Origin.Folder,
            ["folderSha256"] = m.Origin.FolderSha256,
        },
        // Pairs, not a sub-document: option names are plugin-defined and need not be valid field names.
        ["options"] = new BsonArray(m.Options.Select(o => new BsonArray(new BsonValue(o.Key), new BsonValue(o.Value)))),
        ["count"] = m.Count,
        ["slotCount"] = m.SlotCount,
        ["machine"] = new BsonDocument
        {
            ["host"] = m.Machine.HostName, ["os"] = m.Machine.Os, ["cpu"] = m.Machine.Cpu, ["cores"] = m.Machine.Cores, ["dotnet"] = m.Machine.DotNet,
        },
        ["started"] = m.StartedAt.UtcTicks,
        ["ended"] = m.EndedAt is { } e ? e.UtcTicks : BsonValue.Null,
        ["status"] = m.Status.ToString(),
        ["error"] = m.Error is null ? BsonValue.Null : m.Error,
        ["wall"] = m.WallSeconds,
        ["slots"] = new BsonArray(m.Slots.Select(s => new BsonDocument
        {
            ["name"] = s.Name, ["jobs"] = s.Jobs, ["chunks"] = s.Chunks, ["busy"] = s.BusySeconds, ["lost"] = s.Lost,
        })),
        ["failed"] = new BsonArray(m.FailedIndices.Select(i => new BsonValue(i))),
        ["errors"] = new BsonArray(m.FirstErrors.Select(e => new BsonDocument { ["index"] = e.Index, ["error"] = e.Error })),
        ["pid"] = m.OwnerPid,
        ["host"] = m.OwnerHost,
    });

    public static MapRunRecord FromDocument(BsonDocument doc)
    {
        // Sealed since schema 4; an older document has no checksum and reads unchecked.
        if (Checksums.Verify(doc) == Checksums.Verdict.Mismatch)
        {
            throw new InvalidDataException("its document fails its checksum");
        }

        var plugin = doc["plugin"].AsDocument;
        var machine = doc["machine"].AsDocument;
        return new MapRunRecord
        {
            Id = Required(doc, "_id").AsString,
            JobId = Required(doc, "job").AsString,
            Origin = new ComponentOrigin(plugin["id"].AsString, plugin["version"].AsString, plugin["sha256"].AsString, plugin["folder"].AsString)
            {
                FolderSha256 = plugin["folderSha256"].AsString ?? "",
            },
            Options = doc["options"].AsArray.ToDictionary(p => p.AsArray[0].AsString, p => p.AsArray[1].AsString, StringComparer.Ordinal),
            Count = Required(doc, "count").AsInt32,
            SlotCount = doc["slotCount"].AsInt32,
            Machine = new MachineInfo(machine["host"].AsString, machine["os"].AsString, machine["cpu"].AsString, machine["cores"].AsInt32, machine["dotnet"].AsString),
            StartedAt = new DateTimeOffset(Required(doc, "started").AsInt64, TimeSpan.Zero),
            EndedAt = doc["ended"].IsNull ? null : new DateTimeOffset(doc["ended"].AsInt64, TimeSpan.Zero),
            Status = Enum.Parse<RunStatus>(Required(doc, "status").AsString),
            Error = doc["error"].IsNull ? null : doc["error"].AsString,
            WallSeconds = doc["wall"].AsDouble,
            Slots = doc["slots"].AsArray.Select(s => new MapSlotRecord(s["name"].AsString, s["jobs"].AsInt32, s["chunks"].AsInt32,
                s["busy"].AsDouble, s["lost"].AsBoolean)).ToArray(),
            FailedIndices = doc["failed"].AsArray.Select(i => i.AsInt32).ToArray(),
            FirstErrors = doc["errors"].AsArray.Select(e => new MapErrorRecord(e["index"].AsInt32, e["error"].AsString)).ToArray(),
            OwnerPid = doc["pid"].AsInt32,
            OwnerHost = doc["host"].AsString,
        };
    }

    /// <summary>The fields that change when a map ends.</summary>
    public static void SetOutcome(BsonDocument doc, MapRunRecord m)
    {
        if (Checksums.Verify(doc) == Checksums.Verdict.Mismatch)
        {
            throw new InvalidDataException($"map run {Integrity.IdOf(doc)}: its document fails its checksum; its outcome was not written over the damage");
        }

        var fresh = ToDocument(m);
        foreach (var field in new[] { "ended", "status", "error", "wall", "slots", "failed", "errors" })
        {
            doc[field] = fresh[field];
        }

        Checksums.Reseal(doc);
    }

    private static BsonValue Required(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var value) && !value.IsNull
            ? value
            : throw new InvalidDataException($"map document lacks '{field}'");
}

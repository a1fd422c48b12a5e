using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Run record ⇄ BSON document of the <c>runs</c> collection (schema version 1).</summary>
/// <remarks>Written by hand rather than by LiteDB's reflection mapper so that the stored field names are a
/// deliberate, versioned format: renaming a C# property must not silently change the file.</remarks>
internal static class RunDocuments
{
    /// <summary>The sealed document of a run whose writer has stored <paramref name="rows"/> history rows.</summary>
    public static BsonDocument ToDocument(RunRecord run, long rows)
    {
        var d = run.Description;
        var doc = new BsonDocument
        {
            ["_id"] = d.RunId,
            ["name"] = d.Name is null ? BsonValue.Null : d.Name,
            ["tags"] = new BsonArray(d.Tags.Select(t => new BsonValue(t))),
            ["alg"] = Component(d.Algorithm),
            ["prob"] = Component(d.Problem),
            ["seed"] = unchecked((long)d.Seed), // BSON has no unsigned 64-bit integer
            ["dim"] = d.Dimension,
            ["lower"] = Columns.Pack(d.Lower),
            ["upper"] = Columns.Pack(d.Upper),
            ["boundsOverridden"] = d.BoundsOverridden,
            ["stop"] = Stop(d.Stop),
            ["evaluator"] = d.Evaluator,
            ["workers"] = d.Workers,
            ["device"] = d.Device,
            ["nonFinite"] = d.NonFinitePolicy.ToString(),
            ["islands"] = d.Islands is { } i
                ? new BsonDocument { ["count"] = i.Count, ["interval"] = i.MigrationInterval, ["rate"] = i.MigrationRate, ["topology"] = i.Topology.ToString() }
                : BsonValue.Null,
            ["extraNames"] = new BsonArray(d.ExtraNames.Select(n => new BsonValue(n))),
            ["started"] = d.StartedAt.UtcTicks,
            ["machine"] = new BsonDocument
            {
                ["host"] = d.Machine.HostName, ["os"] = d.Machine.Os, ["cpu"] = d.Machine.Cpu,
                ["cores"] = d.Machine.Cores, ["dotnet"] = d.Machine.DotNet,
            },
            ["knownOptimum"] = d.KnownOptimum is double k ? k : BsonValue.Null,
            ["pid"] = run.OwnerPid,
            ["host"] = run.OwnerHost,
        };
        SetOutcome(doc, run, rows);
        return doc;
    }

    /// <summary>The fields that change while a run goes and when it ends; seals the document again.</summary>
    /// <remarks><c>rows</c> lets a reader notice a lost history chunk, which no chunk's own checksum could show.</remarks>
    public static void SetOutcome(BsonDocument doc, RunRecord run, long rows)
    {
        doc["rows"] = rows;
        doc["status"] = run.Status.ToString();
        doc["stopKind"] = run.StopReason is { } s ? s.Kind.ToString() : BsonValue.Null;
        doc["stopDetail"] = run.StopReason?.Detail is { } detail ? detail : BsonValue.Null;
        doc["error"] = run.Error is null ? BsonValue.Null : run.Error;
        doc["best"] = run.BestFitness;
        doc["bestPoint"] = Columns.Pack(run.BestPoint);
        doc["evals"] = run.Evaluations;
        doc["iters"] = run.Iterations;
        doc["wall"] = run.WallSeconds;
        doc["ended"] = run.EndedAt is { } e ? e.UtcTicks : BsonValue.Null;
        if (run.EvaluatorReport is { } report)
        {
            // Optional field (absent in runs without peers), so no schema change: older readers ignore it.
            doc["spread"] = new BsonDocument
            {
                ["shares"] = new BsonArray(report.Shares.Select(s => new BsonDocument
                {
                    ["name"] = s.Name, ["evals"] = s.Evaluations, ["chunks"] = s.Chunks, ["seconds"] = s.Seconds,
                })),
                ["redispatches"] = report.Redispatches,
                ["warnings"] = new BsonArray(report.Warnings.Select(w => new BsonValue(w))),
            };
        }

        Checksums.Seal(doc);
    }

    private static EvaluatorReport? Spread(BsonValue value) => value.IsDocument
        ? new EvaluatorReport(
            value["shares"].AsArray.Select(s => new SlotShare(s["name"].AsString, s["evals"].AsInt64, s["chunks"].AsInt64, s["seconds"].AsDouble)).ToArray(),
            value["redispatches"].AsInt64,
            value["warnings"].AsArray.Select(w => w.AsString).ToArray())
        : null;

    public static RunRecord FromDocument(BsonDocument doc)
    {
        var stop = doc["stop"].AsDocument;
        var islands = doc["islands"];
        var machine = doc["machine"].AsDocument;
        var description = new RunDescription
        {
            RunId = Required(doc, "_id").AsString,
            Name = doc["name"].IsNull ? null : doc["name"].AsString,
            Tags = doc["tags"].AsArray.Select(t => t.AsString).ToArray(),
            Algorithm = Component(doc["alg"].AsDocument),
            Problem = Component(doc["prob"].AsDocument),
            Seed = unchecked((ulong)Required(doc, "seed").AsInt64),
            Dimension = Required(doc, "dim").AsInt32,
            Lower = Columns.Doubles(doc["lower"].AsBinary),
            Upper = Columns.Doubles(doc["upper"].AsBinary),
            BoundsOverridden = doc["boundsOverridden"].AsBoolean,
            Stop = new StopCriteria
            {
                MaxEvaluations = stop["maxEvals"].IsNull ? null : stop["maxEvals"].AsInt64,
                MaxIterations = stop["maxIters"].IsNull ? null : stop["maxIters"].AsInt64,
                Target = stop["target"].IsNull ? null : stop["target"].AsDouble,
                TimeLimit = stop["timeLimit"].IsNull ? null : TimeSpan.FromTicks(stop["timeLimit"].AsInt64),
                StagnationIterations = stop["stagnation"].IsNull ? null : stop["stagnation"].AsInt32,
            },
            Evaluator = doc["evaluator"].AsString,
            Workers = doc["workers"].AsInt32,
            Device = doc["device"].AsString,
            NonFinitePolicy = Enum.Parse<NonFinitePolicy>(doc["nonFinite"].AsString),
            Islands = islands.IsNull ? null : new IslandSettings(islands["count"].AsInt32, islands["interval"].AsInt32,
                islands["rate"].AsDouble, Enum.Parse<MigrationTopology>(islands["topology"].AsString)),
            ExtraNames = doc["extraNames"].AsArray.Select(n => n.AsString).ToArray(),
            StartedAt = new DateTimeOffset(Required(doc, "started").AsInt64, TimeSpan.Zero),
            Machine = new MachineInfo(machine["host"].AsString, machine["os"].AsString, machine["cpu"].AsString,
                machine["cores"].AsInt32, machine["dotnet"].AsString),
            KnownOptimum = doc["knownOptimum"].IsNull ? null : doc["knownOptimum"].AsDouble,
        };
        return new RunRecord
        {
            Description = description,
            Status = Enum.Parse<RunStatus>(Required(doc, "status").AsString),
            StopReason = doc["stopKind"].IsNull ? null
                : new StopReason(Enum.Parse<StopKind>(doc["stopKind"].AsString), doc["stopDetail"].IsNull ? null : doc["stopDetail"].AsString),
            Error = doc["error"].IsNull ? null : doc["error"].AsString,
            BestFitness = doc["best"].AsDouble,
            BestPoint = Columns.Doubles(doc["bestPoint"].AsBinary),
            Evaluations = doc["evals"].AsInt64,
            Iterations = doc["iters"].AsInt64,
            WallSeconds = doc["wall"].AsDouble,
            EndedAt = doc["ended"].IsNull ? null : new DateTimeOffset(doc["ended"].AsInt64, TimeSpan.Zero),
            EvaluatorReport = Spread(doc["spread"]),
            OwnerPid = doc["pid"].AsInt32,
            OwnerHost = doc["host"].AsString,
        };
    }

    private static BsonValue Required(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var value) && !value.IsNull
            ? value
            : throw new InvalidDataException($"run document lacks '{field}'");

    private static BsonDocument Component(ComponentUse use) => new()
    {
        ["id"] = use.Id,
        ["plugin"] = use.Origin.PluginId,
        ["version"] = use.Origin.PluginVersion,
        ["sha256"] = use.Origin.AssemblySha256,
        ["folder"] = use.Origin.Folder,
        ["folderSha256"] = use.Origin.FolderSha256,
        // Pairs, not a sub-document: option names are plugin-defined and need not be valid field names.
        ["options"] = new BsonArray(use.Options.Select(o => new BsonArray(new BsonValue(o.Key), new BsonValue(o.Value)))),
    };

    private static ComponentUse Component(BsonDocument doc) => new(
        doc["id"].AsString,
        new ComponentOrigin(doc["plugin"].AsString, doc["version"].AsString, doc["sha256"].AsString, doc["folder"].AsString)
        {
            // Absent in runs recorded before peers existed.
            FolderSha256 = doc["folderSha256"].IsString ? doc["folderSha256"].AsString : "",
        },
        doc["options"].AsArray.ToDictionary(p => p.AsArray[0].AsString, p => p.AsArray[1].AsString, StringComparer.Ordinal));

    private static BsonDocument Stop(StopCriteria stop) => new()
    {
        ["maxEvals"] = stop.MaxEvaluations is long e ? e : BsonValue.Null,
        ["maxIters"] = stop.MaxIterations is long i ? i : BsonValue.Null,
        ["target"] = stop.Target is double t ? t : BsonValue.Null,
        ["timeLimit"] = stop.TimeLimit is TimeSpan l ? l.Ticks : BsonValue.Null,
        ["stagnation"] = stop.StagnationIterations is int s ? s : BsonValue.Null,
    };
}

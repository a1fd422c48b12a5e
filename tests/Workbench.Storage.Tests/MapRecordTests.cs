using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>Maps in the <c>maps</c> collection (schema 3): round trip, orphans, older files, repair.</summary>
public sealed class MapRecordTests
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.Zero).AddTicks(4321);

    internal static MapRunRecord Started(DateTimeOffset? at = null) => new()
    {
        Id = Guid.CreateVersion7(at ?? T0).ToString("N"),
        JobId = "lif",
        Origin = new ComponentOrigin("jobs", "0.1.0", new string('d', 64), "/p/jobs") { FolderSha256 = new string('e', 64) },
        Options = new Dictionary<string, string> { ["neurons"] = "1000", ["odd name.x"] = "a=b" },
        Count = 100,
        SlotCount = 4,
        Machine = new MachineInfo("host", "Linux", "cpu model", 8, ".NET 10"),
        StartedAt = at ?? T0,
        Status = RunStatus.Running,
        OwnerPid = Environment.ProcessId,
        OwnerHost = Environment.MachineName,
    };

    internal static MapRunRecord Finished(MapRunRecord started) => started with
    {
        Status = RunStatus.Completed,
        EndedAt = T0.AddSeconds(3),
        WallSeconds = 2.5,
        Slots = [new MapSlotRecord("local:0", 60, 7, 2.25, false), new MapSlotRecord("peer:1", 40, 5, 2.0, true)],
        FailedIndices = [3, 97],
        FirstErrors = [new MapErrorRecord(3, "boom"), new MapErrorRecord(97, "lost with its slot 3 times")],
        Error = "2 of 100 jobs failed",
    };

    [Fact]
    public void A_map_round_trips_and_is_listed_newest_first()
    {
        using var temp = new TempStore();
        var first = Started();
        var second = Started(T0.AddMinutes(1));
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.RecordMapStarted(first);
            store.RecordMapFinished(Finished(first));
            store.RecordMapStarted(second);
            store.RecordMapFinished(second with { Status = RunStatus.Interrupted, Error = "interrupted" });
        }

        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        var maps = reader.ListMaps();
        Assert.Equal([second.Id, first.Id], maps.Select(m => m.Id));
        var back = maps[1];
        var expected = Finished(first);
        Assert.Equal(expected.Slots, back.Slots);
        Assert.Equal(expected.FailedIndices, back.FailedIndices);
        Assert.Equal(expected.FirstErrors, back.FirstErrors);
        Assert.Equal(expected.Options, back.Options);
        Assert.Equal(expected.Origin, back.Origin);
        Assert.Equal(expected.Origin.FolderSha256, back.Origin.FolderSha256);
        Assert.Equal((100, 4, 2.5, RunStatus.Completed), (back.Count, back.SlotCount, back.WallSeconds, back.Status));
        Assert.Single(reader.ListMaps(limit: 1));
        Assert.Empty(reader.ListMaps(jobId: "sleep"));
        Assert.Empty(reader.ListTasks(new TaskRunQuery()));
    }

    [Fact]
    public void A_map_left_running_by_a_dead_process_reads_as_interrupted()
    {
        using var temp = new TempStore();
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.RecordMapStarted(Started() with { OwnerPid = -1 });
        }

        using var writer = RunStore.OpenForWriting(temp.DbPath);
        Assert.Equal(RunStatus.Interrupted, Assert.Single(writer.ListMaps()).Status);
    }

    [Fact]
    public void A_schema_2_file_has_no_maps_until_a_writer_moves_it_to_schema_3_and_repair_keeps_them()
    {
        using var temp = new TempStore();
        using (RunStore.OpenForWriting(temp.DbPath))
        {
        }

        using (var db = new LiteDatabase(temp.DbPath))
        {
            db.DropCollection("maps");
            var meta = db.GetCollection("meta");
            var schema = meta.FindById("schema");
            schema["version"] = 2;
            meta.Update(schema);
        }

        using (var reader = RunStore.OpenReadOnly(temp.DbPath))
        {
            Assert.Equal(2, reader.SchemaVersion);
            Assert.Empty(reader.ListMaps());
        }

        var map = Started();
        using (var writer = RunStore.OpenForWriting(temp.DbPath))
        {
            Assert.Equal(RunStore.CurrentSchemaVersion, writer.SchemaVersion); // 3 added maps, 4 checksums
            writer.RecordMapStarted(map);
            writer.RecordMapFinished(Finished(map));
        }

        Assert.True(StoreCheck.Run(temp.DbPath).Healthy);
        StoreRepair.Run(temp.DbPath);
        using var again = RunStore.OpenReadOnly(temp.DbPath);
        Assert.Equal([3, 97], Assert.Single(again.ListMaps()).FailedIndices);
    }
}

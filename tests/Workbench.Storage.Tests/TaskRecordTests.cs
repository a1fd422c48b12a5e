using LiteDB;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Running;
using Workbench.Engine.Tasks;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>Parallel-task runs in the <c>tasks</c> collection: round trip, failure, orphans, schema-1 files, and
/// their separation from optimisation runs.</summary>
public sealed class TaskRecordTests
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.Zero).AddTicks(4321);

    public static TaskRunRecord Started(string? id = null, string task = "heat", DateTimeOffset? at = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(at ?? T0).ToString("N"),
        TaskId = task,
        Origin = new ComponentOrigin("heat", "0.3.0", new string('d', 64), "/p/heat"),
        Options = new Dictionary<string, string> { ["grid"] = "41", ["nodes"] = "3", ["odd name.x"] = "a=b" },
        Seed = ulong.MaxValue - 1,
        NodeCount = 3,
        Machine = new MachineInfo("host", "Linux", "cpu model", 8, ".NET 10"),
        StartedAt = at ?? T0,
        Status = RunStatus.Running,
        OwnerPid = Environment.ProcessId,
        OwnerHost = Environment.MachineName,
    };

    private static TaskRunResult Result(TaskValue value, int[] shape) => new()
    {
        TaskId = "heat", NodeCount = 3, Seed = ulong.MaxValue - 1,
        Options = new Dictionary<string, string> { ["grid"] = "41", ["nodes"] = "3", ["odd name.x"] = "a=b" },
        Result = new TaskResult(value, shape, [new TaskMetric("energy", 1.5, "J"), new TaskMetric("nan", double.NaN)]),
        Sha256 = TaskValueHash.Sha256(value),
        Nodes = [.. Enumerable.Range(0, 3).Select(i => new NodeStatistics(i, true, TimeSpan.FromMilliseconds(10 + i), TimeSpan.FromMilliseconds(i), 20L * i, 19L * i))],
        Elapsed = TimeSpan.FromSeconds(0.25),
    };

    [Fact]
    public void A_completed_task_run_reads_back_with_every_field_running_while_it_is_recorded()
    {
        using var temp = new TempStore();
        var started = Started();
        var done = TaskRunRecords.Complete(started, Result(TaskValue.FromReals([1, 2, 3, 4, 5, 6]), [2, 3]), T0.AddSeconds(1));
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.RecordTaskStarted(started);
            Assert.Equal(RunStatus.Running, store.GetTask(started.Id[..14]).Status); // its own recording is live, not orphaned
            store.RecordTaskFinished(done);
        }

        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        var back = reader.GetTask(started.Id[..14]);
        Assert.Equal(done with { Options = null!, Result = null, Nodes = [] }, back with { Options = null!, Result = null, Nodes = [] });
        Assert.Equal(done.Options, back.Options);
        Assert.Equal(done.Nodes, back.Nodes);
        var r = back.Result!;
        Assert.Equal(("RealArray", 6, (string?)null, (double?)null), (r.Kind, r.Length, r.Text, r.Scalar));
        Assert.Equal([2, 3], r.Shape);
        Assert.Equal(done.Result!.Sha256, r.Sha256);
        Assert.Equal(64, r.Sha256.Length);
        Assert.Equal(done.Result.Metrics, r.Metrics); // NaN survives: records compare doubles with Equals
        Assert.Equal(RunStatus.Completed, back.Status);
        Assert.Equal(0.25, back.WallSeconds);
        Assert.Equal(RunStore.CurrentSchemaVersion, reader.SchemaVersion);
    }

    [Fact]
    public void A_scalar_result_keeps_its_value_as_text_and_number()
    {
        var done = TaskRunRecords.Complete(Started(), Result(TaskValue.FromReal(3.25), []), T0.AddSeconds(1));
        Assert.Equal(("Real", "3.25", (double?)3.25, (int?)null), (done.Result!.Kind, done.Result.Text, done.Result.Scalar, done.Result.Length));
    }

    [Fact]
    public void A_failed_task_run_is_stored_failed_with_its_error_and_the_nodes_that_finished()
    {
        using var temp = new TempStore();
        var started = Started();
        var finished = new[] { new NodeStatistics(4, false, TimeSpan.FromSeconds(1), TimeSpan.Zero, 0, 0), new NodeStatistics(1, true, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 3, 2) };
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.RecordTaskStarted(started);
            store.RecordTaskFinished(TaskRunRecords.Fail(started, "task 'heat' failed on node 4 of 5: boom", finished, T0.AddSeconds(3)));
        }

        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        var back = Assert.Single(reader.ListTasks(new TaskRunQuery { Status = RunStatus.Failed }));
        Assert.Equal("task 'heat' failed on node 4 of 5: boom", back.Error);
        Assert.Null(back.Result);
        Assert.Equal(5, back.NodeCount); // the highest node seen, beyond the 3 asked for at the start
        Assert.Equal([1, 4], back.Nodes.Select(n => n.Node));
        Assert.Equal([true, false], back.Nodes.Select(n => n.Succeeded));
        Assert.Equal(3.0, back.WallSeconds);
        Assert.Equal(T0.AddSeconds(3), back.EndedAt);
    }

    [Fact]
    public void A_task_left_running_by_a_closed_store_reads_interrupted_and_the_next_writer_stores_that()
    {
        using var temp = new TempStore();
        var started = Started() with { OwnerPid = 424242, OwnerHost = "gone" };
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.RecordTaskStarted(started);
        }

        // Closed with a recording open: no clean note, so the next writer looks for orphans rather than trust the file.
        Assert.False(CleanMark.Matches(temp.DbPath));
        using (var reader = RunStore.OpenReadOnly(temp.DbPath))
        {
            var back = reader.GetTask(started.Id);
            Assert.Equal(RunStatus.Interrupted, back.Status);
            Assert.Equal("process 424242 on gone ended without finishing the task", back.Error);
        }

        RunStore.OpenForWriting(temp.DbPath).Dispose();
        using var db = new LiteDatabase($"Filename={temp.DbPath};ReadOnly=true");
        Assert.Equal("Interrupted", db.GetCollection("tasks").FindById(started.Id)["status"].AsString);
    }

    [Fact]
    public void Task_runs_and_optimisation_runs_never_meet_and_task_listings_filter_and_resolve_prefixes()
    {
        using var temp = new TempStore();
        using var store = RunStore.OpenForWriting(temp.DbPath);
        var d = TempStore.Description("abc00000000000000000000000000009");
        store.Import(TempStore.Finished(d, 2), RunHistory.From(TempStore.Rows(2), d.ExtraNames));
        for (var i = 0; i < 4; i++)
        {
            var t = Started($"abc0000000000000000000000000000{i}", i % 2 == 0 ? "heat" : "pi", T0.AddDays(i));
            store.RecordTaskStarted(t);
            store.RecordTaskFinished(t with { Status = RunStatus.Completed });
        }

        Assert.Equal(["abc00000000000000000000000000009"], store.List(new RunQuery()).Select(r => r.Id));
        Assert.Equal(["abc00000000000000000000000000003", "abc00000000000000000000000000002", "abc00000000000000000000000000001", "abc00000000000000000000000000000"],
            store.ListTasks(new TaskRunQuery()).Select(t => t.Id));
        Assert.Equal(["abc00000000000000000000000000002", "abc00000000000000000000000000000"], store.ListTasks(new TaskRunQuery { TaskId = "heat" }).Select(t => t.Id));
        Assert.Equal(["abc00000000000000000000000000003"], store.ListTasks(new TaskRunQuery { Since = T0.AddDays(2.5) }).Select(t => t.Id));
        Assert.Single(store.ListTasks(new TaskRunQuery { Limit = 1 }));
        Assert.Empty(store.ListTasks(new TaskRunQuery { Status = RunStatus.Failed }));

        var ambiguous = Assert.Throws<RunIdException>(() => store.GetTask("abc"));
        Assert.Equal(4, ambiguous.Matches.Count); // the optimisation run with the same prefix is not among them
        Assert.Throws<RunIdException>(() => store.GetTask("abc00000000000000000000000000009"));
        Assert.Throws<RunIdException>(() => store.Get("abc00000000000000000000000000001"));
        Assert.Equal("pi", store.GetTask("ABC00000000000000000000000000001").TaskId);
    }

    [Fact]
    public void A_schema_1_file_reads_as_having_no_task_runs_and_a_writer_moves_it_to_the_current_schema_keeping_its_runs()
    {
        using var temp = new TempStore();
        var d = TempStore.Description();
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.Import(TempStore.Finished(d, 3), RunHistory.From(TempStore.Rows(3), d.ExtraNames));
        }

        using (var db = new LiteDatabase(temp.DbPath))
        {
            // What a schema-1 wb wrote: no tasks (nor maps) collection, version 1.
            db.DropCollection("tasks");
            db.DropCollection("maps");
            var meta = db.GetCollection("meta");
            var schema = meta.FindById("schema");
            schema["version"] = 1;
            meta.Update(schema);
        }

        using (var reader = RunStore.OpenReadOnly(temp.DbPath))
        {
            Assert.Equal(1, reader.SchemaVersion);
            Assert.Empty(reader.ListTasks(new TaskRunQuery()));
            Assert.Throws<RunIdException>(() => reader.GetTask("0"));
            Assert.Single(reader.List(new RunQuery()));
        }

        Assert.True(StoreCheck.Run(temp.DbPath) is { Healthy: true, SchemaVersion: 1 }); // an old file checks clean

        using (var writer = RunStore.OpenForWriting(temp.DbPath))
        {
            Assert.Equal(RunStore.CurrentSchemaVersion, writer.SchemaVersion);
            writer.RecordTaskStarted(Started());
        }

        using var again = RunStore.OpenReadOnly(temp.DbPath);
        Assert.Equal(RunStore.CurrentSchemaVersion, again.SchemaVersion);
        Assert.Equal(3, again.LoadHistory(d.RunId).Count);
        Assert.Single(again.ListTasks(new TaskRunQuery()));
    }

    [Fact]
    public void Repair_keeps_the_task_runs()
    {
        using var temp = new TempStore();
        var t = Started();
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.RecordTaskStarted(t);
            store.RecordTaskFinished(TaskRunRecords.Complete(t, Result(TaskValue.FromInteger(7), []), T0.AddSeconds(1)));
        }

        StoreRepair.Run(temp.DbPath);
        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        Assert.Equal("7", reader.GetTask(t.Id).Result!.Text);
    }
}

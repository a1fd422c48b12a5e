using LiteDB;
using Workbench.Engine.Archive;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>Checksums on run documents and history chunks: damage is named by check, refused by readers for that run
/// alone, and keeps writers out; files written before checksums read as unchecked.</summary>
[Trait("kind", "unit")]
public sealed class IntegrityTests
{
    [Fact]
    public void A_changed_history_value_is_named_by_check_and_refused_for_that_run_alone()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 3);
        Edit(temp.DbPath, RunStore.Collections.History, HistoryChunks.Id(ids[1], 0), doc =>
        {
            var best = doc["best"].AsBinary;
            best[^3] ^= 0x40; // one bit of the last row's best-so-far
        });

        var check = StoreCheck.Run(temp.DbPath);
        var problem = Assert.Single(check.Problems);
        Assert.Contains($"run {ids[1]}: history chunk 0", problem, StringComparison.Ordinal);
        Assert.Contains("checksum", problem, StringComparison.Ordinal);
        Assert.Equal(1, check.DamagedRuns);

        using var store = RunStore.OpenReadOnly(temp.DbPath);
        Assert.Equal(3, store.List(new RunQuery()).Count);
        Assert.Throws<RunDamagedException>(() => store.LoadHistory(ids[1]));
        Assert.Equal(300, store.LoadHistory(ids[0]).Count);
        Assert.Equal(300, store.LoadHistory(ids[2]).Count);
    }

    [Fact]
    public void A_changed_run_document_is_set_apart_by_readers_and_keeps_writers_out()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 3);
        Edit(temp.DbPath, RunStore.Collections.Runs, ids[2], doc => doc["evals"] = 6_500_000_000_000_000_000L);
        var before = TempStore.Hash(temp.DbPath);

        Assert.Contains(StoreCheck.Run(temp.DbPath).Problems, p => p.Contains($"run {ids[2]}: its document fails its checksum", StringComparison.Ordinal));
        using (var store = RunStore.OpenReadOnly(temp.DbPath))
        {
            var listing = store.ListChecked(new RunQuery());
            Assert.Equal(ids[..2].Order(), listing.Runs.Select(r => r.Id).Order());
            Assert.Equal(ids[2], Assert.Single(listing.Damaged).Id);
            Assert.Throws<RunDamagedException>(() => store.Get(ids[2]));
        }

        var refused = Assert.Throws<StoreDamagedException>(() => RunStore.OpenForWriting(temp.DbPath));
        Assert.Contains("nothing was written", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, TempStore.Hash(temp.DbPath));
    }

    [Fact]
    public void A_changed_task_run_is_named_by_check()
    {
        using var temp = new TempStore();
        var task = TaskRecordTests.Started("abc00000000000000000000000000001");
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.RecordTaskStarted(task);
            store.RecordTaskFinished(task with { Status = Engine.Running.RunStatus.Completed });
        }

        Assert.True(StoreCheck.Run(temp.DbPath).Healthy);
        Edit(temp.DbPath, RunStore.Collections.Tasks, task.Id, doc => doc["wall"] = 1.2e182);

        Assert.Contains(StoreCheck.Run(temp.DbPath).Problems, p => p.Contains($"task run {task.Id}", StringComparison.Ordinal) && p.Contains("checksum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lost_checksum_field_is_damage_in_a_file_written_with_checksums()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 2);
        Edit(temp.DbPath, RunStore.Collections.History, HistoryChunks.Id(ids[0], 0), doc => doc.Remove(Checksums.Field));

        Assert.Contains(StoreCheck.Run(temp.DbPath).Problems, p => p.Contains($"run {ids[0]}: history chunk 0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_written_before_checksums_reads_as_unchecked_and_stays_readable_after_a_writer_upgrades_it()
    {
        using var temp = new TempStore();
        var old = RepairTests.Fill(temp.DbPath, runs: 2);
        using (var db = RunStore.Open(temp.DbPath, readOnly: false))
        {
            foreach (var name in new[] { RunStore.Collections.Runs, RunStore.Collections.History })
            {
                var collection = db.GetCollection(name);
                foreach (var doc in collection.FindAll().ToList())
                {
                    doc.Remove(Checksums.Field);
                    doc.Remove("rows");
                    collection.Update(doc);
                }
            }

            var meta = db.GetCollection(RunStore.Collections.Meta);
            var schema = meta.FindById("schema");
            schema["version"] = 3;
            meta.Update(schema);
        }

        var legacy = StoreCheck.Run(temp.DbPath);
        Assert.True(legacy.Healthy, string.Join("; ", legacy.Problems));
        Assert.Equal((2, 2, 3), (legacy.Runs, legacy.UncheckedRuns, legacy.SchemaVersion));

        var added = RepairTests.Fill(temp.DbPath, runs: 1); // a writer brings the file to schema 4
        var upgraded = StoreCheck.Run(temp.DbPath);
        Assert.True(upgraded.Healthy, string.Join("; ", upgraded.Problems));
        Assert.Equal((3, 2, RunStore.CurrentSchemaVersion), (upgraded.Runs, upgraded.UncheckedRuns, upgraded.SchemaVersion));
        using var store = RunStore.OpenReadOnly(temp.DbPath);
        Assert.All(old.Concat(added), id => Assert.Equal(300, store.LoadHistory(id).Count));
    }

    /// <summary>Changes one stored document behind the store's back, as damage would: no checksum is updated.</summary>
    internal static void Edit(string path, string collection, string id, Action<BsonDocument> change)
    {
        using var db = RunStore.Open(path, readOnly: false);
        var documents = db.GetCollection(collection);
        var doc = documents.FindById(id);
        change(doc);
        documents.Update(doc);
    }
}

using System.Text;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>One damaged task run or map run document costs that record alone: listings set it apart as damaged with
/// no values, show refuses it with one line, every other record stays readable, and a writer keeps out.</summary>
[Trait("kind", "unit")]
public sealed class DamagedTaskListingTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 7, 8, 9, 10, TimeSpan.Zero);

    [Fact]
    public void A_task_run_with_a_changed_value_is_listed_as_damaged_and_the_others_stay_readable()
    {
        using var temp = new TempStore();
        var ids = RecordTasks(temp.DbPath, 3);
        IntegrityTests.Edit(temp.DbPath, RunStore.Collections.Tasks, ids[1], doc => doc["wall"] = 1.2e182);

        using var store = RunStore.OpenReadOnly(temp.DbPath);
        var listing = store.ListTasksChecked(new TaskRunQuery());
        Assert.Equal([ids[2], ids[0]], listing.Items.Select(t => t.Id));
        var damaged = Assert.Single(listing.Damaged);
        Assert.Equal(ids[1], damaged.Id);
        Assert.Contains("fails its checksum", damaged.Problem, StringComparison.Ordinal);
        Assert.Equal(2, store.ListTasks(new TaskRunQuery()).Count);
        Assert.Single(store.ListTasksChecked(new TaskRunQuery { Limit = 1 }).Items);

        var refused = Assert.Throws<RunDamagedException>(() => store.GetTask(ids[1][..14]));
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains($"task run {ids[1]}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1.5, store.GetTask(ids[0]).WallSeconds);
    }

    [Fact]
    public void A_map_run_that_lost_its_checksum_is_listed_as_damaged()
    {
        using var temp = new TempStore();
        var first = MapRecordTests.Started(T0);
        var second = MapRecordTests.Started(T0.AddMinutes(1));
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            foreach (var map in new[] { first, second })
            {
                store.RecordMapStarted(map);
                store.RecordMapFinished(MapRecordTests.Finished(map));
            }
        }

        IntegrityTests.Edit(temp.DbPath, RunStore.Collections.Maps, second.Id, doc => doc.Remove(Checksums.Field));

        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        var listing = reader.ListMapsChecked();
        Assert.Equal(first.Id, Assert.Single(listing.Items).Id);
        Assert.Equal(second.Id, Assert.Single(listing.Damaged).Id);
        Assert.Contains("lost its checksum", listing.Damaged[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_inside_a_task_run_on_disk_is_set_apart_and_keeps_writers_out()
    {
        using var temp = new TempStore();
        var ids = RecordTasks(temp.DbPath, 3, error: i => i == 1 ? "MARKER-ZZZZ" : null);
        Assert.True(StoreCheck.Run(temp.DbPath).Healthy);
        var bytes = File.ReadAllBytes(temp.DbPath);
        var at = IndexOf(bytes, Encoding.UTF8.GetBytes("MARKER-ZZZZ"));
        Assert.True(at > 0, "the marker was not found in runs.db (still in the log?)");
        bytes[at + 8] ^= 0x01; // Z -> [ : still valid UTF-8, so only the checksum can tell
        File.WriteAllBytes(temp.DbPath, bytes);
        var before = TempStore.Hash(temp.DbPath);

        using (var store = RunStore.OpenReadOnly(temp.DbPath))
        {
            var listing = store.ListTasksChecked(new TaskRunQuery());
            Assert.Equal(ids[1], Assert.Single(listing.Damaged).Id);
            Assert.Equal(2, listing.Items.Count);
            Assert.DoesNotContain(listing.Items, t => t.Error?.StartsWith("MARKER", StringComparison.Ordinal) == true);
        }

        Assert.Contains(StoreCheck.Run(temp.DbPath).Problems, p => p.Contains($"task run {ids[1]}", StringComparison.Ordinal));
        var writer = Assert.Throws<StoreDamagedException>(() => RunStore.OpenForWriting(temp.DbPath));
        Assert.Contains("nothing was written", writer.Message, StringComparison.Ordinal);
        Assert.Equal(before, TempStore.Hash(temp.DbPath));
    }

    /// <summary>Task runs started a day apart (so newest first is the reverse of <paramref name="count"/> order), each completed.</summary>
    internal static List<string> RecordTasks(string path, int count, Func<int, string?>? error = null)
    {
        var ids = new List<string>();
        using var store = RunStore.OpenForWriting(path);
        for (var i = 0; i < count; i++)
        {
            var task = TaskRecordTests.Started(at: T0.AddDays(i));
            store.RecordTaskStarted(task);
            store.RecordTaskFinished(task with { Status = RunStatus.Completed, WallSeconds = 1.5, EndedAt = task.StartedAt.AddSeconds(2), Error = error?.Invoke(i) });
            ids.Add(task.Id);
        }

        return ids;
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}

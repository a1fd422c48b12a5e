using Workbench.Engine.Archive;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>wb db repair never loses what can be read: a damaged log, a healthy store, a store it cannot finish.</summary>
[Trait("kind", "unit")]
public sealed class RepairTests
{
    [Fact]
    public void A_log_of_random_bytes_beside_an_intact_store_gives_back_every_run()
    {
        using var temp = new TempStore();
        var ids = Fill(temp.DbPath, runs: 6);
        var log = Path.Combine(temp.Folder, "runs-log.db");
        var junk = new byte[65536];
        new Random(3).NextBytes(junk);
        File.WriteAllBytes(log, junk);
        var before = TempStore.Hash(temp.DbPath);

        var repair = StoreRepair.Run(temp.DbPath);

        Assert.Equal(6, repair.RunsRecovered);
        Assert.Equal(before, TempStore.Hash(repair.Backup));
        Assert.Equal(junk, File.ReadAllBytes(Path.Combine(temp.Folder, "runs.db-log" + Path.GetExtension(repair.Backup))));
        var after = StoreCheck.Run(temp.DbPath);
        Assert.True(after.Healthy, string.Join("; ", after.Problems));
        Assert.True(after.ReadableIds.SetEquals(ids));
        Assert.Empty(Directory.GetFiles(temp.Folder, "*repair*"));
        Assert.False(File.Exists(log));
    }

    [Fact]
    public void Repair_of_a_healthy_store_keeps_every_run_and_its_history_and_leaves_no_scratch_file()
    {
        using var temp = new TempStore();
        var ids = Fill(temp.DbPath, runs: 5);
        var before = TempStore.Hash(temp.DbPath);

        var repair = StoreRepair.Run(temp.DbPath);

        Assert.Equal((5, 5, 0, 0), (repair.RunsRecovered, repair.RunsReadable, repair.RunsUnreadable, repair.HistoriesCut));
        Assert.Equal(before, TempStore.Hash(repair.Backup));
        using var store = RunStore.OpenReadOnly(temp.DbPath);
        Assert.All(ids, id => Assert.Equal(300, store.LoadHistory(id).Count));
        Assert.Equal(["runs.db", Path.GetFileName(repair.Backup)], Directory.GetFiles(temp.Folder).Select(Path.GetFileName).Where(f => !f!.Contains(".lock", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void A_file_that_is_not_a_run_database_is_refused_and_left_alone()
    {
        using var temp = new TempStore();
        File.WriteAllText(temp.DbPath, new string('x', 20000));

        var refused = Assert.Throws<StoreException>(() => StoreRepair.Run(temp.DbPath));

        Assert.Contains("left untouched", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["runs.db"], Directory.GetFiles(temp.Folder).Select(Path.GetFileName).Where(f => !f!.Contains(".lock", StringComparison.Ordinal)));
    }

    internal static List<string> Fill(string path, int runs, int rows = 300)
    {
        using var store = RunStore.OpenForWriting(path);
        var ids = new List<string>();
        for (var i = 0; i < runs; i++)
        {
            var d = TempStore.Description();
            store.Import(TempStore.Finished(d, rows), RunHistory.From(TempStore.Rows(rows), d.ExtraNames));
            ids.Add(d.RunId);
        }

        return ids;
    }
}

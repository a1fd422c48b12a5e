using LiteDB;
using Workbench.Engine.Archive;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>A store whose creation was cut short (a kill while <c>wb run</c> opened it at start-up) is completed by the
/// next writer, never refused as a foreign LiteDB file.</summary>
public sealed class UnfinishedCreationTests
{
    public static TheoryData<int> Cuts => new(Enumerable.Range(0, RunStore.CreationSteps.Length + 1));

    [Theory]
    [MemberData(nameof(Cuts))]
    public void A_store_cut_short_after_any_creation_step_is_readable_and_completed_by_the_next_writer(int stepsDone)
    {
        using var temp = new TempStore();
        using (var db = new LiteDatabase($"Filename={temp.DbPath};Connection=direct"))
        {
            foreach (var step in RunStore.CreationSteps.Take(stepsDone))
            {
                step(db);
            }
        }

        using (var reader = RunStore.OpenReadOnly(temp.DbPath))
        {
            Assert.Empty(reader.List(new RunQuery()));
        }

        using (var writer = RunStore.OpenForWriting(temp.DbPath))
        {
            var d = TempStore.Description();
            writer.Import(TempStore.Finished(d, 20), RunHistory.From(TempStore.Rows(20), d.ExtraNames));
        }

        Assert.True(StoreCheck.Run(temp.DbPath).Healthy);
        using var again = RunStore.OpenReadOnly(temp.DbPath);
        Assert.Single(again.List(new RunQuery()));
    }

    [Fact]
    public void Collections_without_the_mark_are_a_foreign_file_which_is_why_the_mark_comes_first()
    {
        using var temp = new TempStore();
        using (var db = new LiteDatabase($"Filename={temp.DbPath};Connection=direct"))
        {
            db.GetCollection(RunStore.Collections.Runs).EnsureIndex("started", "$.started");
        }

        Assert.Throws<StoreDamagedException>(() => RunStore.OpenForWriting(temp.DbPath));
    }
}

using Workbench.Engine.Archive;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>No writer writes into a file that <c>wb db check</c> would flag: a damaged or missing history chunk keeps
/// writers out, read through unless the note of the last clean close still matches the file.</summary>
[Trait("kind", "unit")]
public sealed class WriterHistoryCheckTests
{
    [Fact]
    public void A_damaged_history_chunk_keeps_a_writer_out_and_leaves_the_file_as_it_was()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 3);
        Assert.True(CleanMark.Matches(temp.DbPath), "a clean close leaves a matching note");
        IntegrityTests.Edit(temp.DbPath, RunStore.Collections.History, HistoryChunks.Id(ids[1], 0), doc => doc["best"].AsBinary[8] ^= 0x01);
        Assert.False(CleanMark.Matches(temp.DbPath), "any write to the file makes the note stale");
        var before = TempStore.Hash(temp.DbPath);

        var refused = Assert.Throws<StoreDamagedException>(() => RunStore.OpenForWriting(temp.DbPath));
        Assert.Contains($"run {ids[1]}: history chunk", refused.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was written", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal(before, TempStore.Hash(temp.DbPath));
        Assert.False(StoreCheck.Run(temp.DbPath).Healthy);
    }

    [Fact]
    public void A_lost_history_chunk_keeps_a_writer_out()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 2, rows: 2500);
        using (var db = RunStore.Open(temp.DbPath, readOnly: false))
        {
            db.GetCollection(RunStore.Collections.History).Delete(HistoryChunks.Id(ids[0], 2));
        }

        var refused = Assert.Throws<StoreDamagedException>(() => RunStore.OpenForWriting(temp.DbPath));
        Assert.Contains($"run {ids[0]}: 2048 history rows stored for 2500 written", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sound_store_opens_for_writing_with_or_without_the_note()
    {
        using var temp = new TempStore();
        RepairTests.Fill(temp.DbPath, runs: 2);
        File.Delete(CleanMark.PathOf(temp.DbPath));
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            Assert.Equal(2, store.List(new RunQuery()).Count);
        }

        Assert.True(CleanMark.Matches(temp.DbPath));
        using var again = RunStore.OpenForWriting(temp.DbPath);
        Assert.Equal(2, again.List(new RunQuery()).Count);
    }

    [Fact]
    public void Only_a_note_from_a_writer_of_this_schema_spares_the_next_writer_its_look()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 2);
        IntegrityTests.Edit(temp.DbPath, RunStore.Collections.History, HistoryChunks.Id(ids[0], 0), doc => doc["best"].AsBinary[8] ^= 0x01);

        // A note that matches the damaged file but was written by another schema's writer: the writer looks, and refuses.
        CleanMark.Write(temp.DbPath);
        var note = File.ReadAllText(CleanMark.PathOf(temp.DbPath));
        Assert.Contains($" v{RunStore.CurrentSchemaVersion}", note, StringComparison.Ordinal);
        File.WriteAllText(CleanMark.PathOf(temp.DbPath), note.Replace($" v{RunStore.CurrentSchemaVersion}", $" v{RunStore.CurrentSchemaVersion + 1}", StringComparison.Ordinal));
        Assert.Throws<StoreDamagedException>(() => RunStore.OpenForWriting(temp.DbPath));

        // The same note from this schema is believed, so the writer reads neither documents nor history (which is why
        // wb db check, not the writer, is the tool that finds damage keeping a file's size and time).
        File.WriteAllText(CleanMark.PathOf(temp.DbPath), note);
        using var store = RunStore.OpenForWriting(temp.DbPath);
        Assert.Equal(2, store.List(new RunQuery()).Count);
    }
}

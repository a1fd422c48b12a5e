using Workbench.Engine.Archive;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>Damaged or foreign files are reported clearly and never changed, by readers, writers or checks.</summary>
public sealed class DamagedFileTests
{
    public static TheoryData<string> Damages => ["truncated", "foreign", "older-litedb-header"];

    /// <summary>Whatever LiteDB throws while decoding a damaged page (a flipped BSON type tag once surfaced as
    /// NotImplementedException, and reached the user as a stack trace) becomes one line naming the file.</summary>
    [Theory]
    [InlineData(typeof(NotImplementedException))]
    [InlineData(typeof(NotSupportedException))]
    [InlineData(typeof(DivideByZeroException))]
    [InlineData(typeof(InvalidCastException))]
    public void Any_decoding_failure_is_reported_as_damage_naming_the_file(Type thrown)
    {
        var translated = RunStore.Translate((Exception)Activator.CreateInstance(thrown, "decoding failed")!, "/data/runs.db");
        var damaged = Assert.IsType<StoreDamagedException>(translated);
        Assert.Contains("/data/runs.db is damaged", damaged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', damaged.Message);
    }

    [Fact]
    public void Cancellation_and_run_id_errors_pass_through_untranslated()
    {
        var cancelled = new OperationCanceledException();
        var unknown = new RunIdException("no run with id x", []);
        Assert.Same(cancelled, RunStore.Translate(cancelled, "/data/runs.db"));
        Assert.Same(unknown, RunStore.Translate(unknown, "/data/runs.db"));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void Damaged_files_are_refused_with_a_clear_message_and_left_byte_for_byte(string damage)
    {
        using var temp = new TempStore();
        Fill(temp.DbPath, runs: 5);
        switch (damage)
        {
            case "truncated":
                using (var f = new FileStream(temp.DbPath, FileMode.Open))
                {
                    f.SetLength(f.Length - 3000);
                }

                break;
            case "foreign":
                File.WriteAllText(temp.DbPath, "id,value\n1,2\n" + new string('x', 20000));
                break;
            default:
                var bytes = File.ReadAllBytes(temp.DbPath);
                bytes[59] = 7; // LiteDB 4's format version: LiteDB could "upgrade" it in place
                File.WriteAllBytes(temp.DbPath, bytes);
                break;
        }

        var before = TempStore.Hash(temp.DbPath);
        var write = Assert.Throws<StoreDamagedException>(() => RunStore.OpenForWriting(temp.DbPath));
        var read = Assert.Throws<StoreDamagedException>(() => RunStore.OpenReadOnly(temp.DbPath));
        Assert.Contains(temp.DbPath, write.Message, StringComparison.Ordinal);
        Assert.Contains("untouched", read.Message, StringComparison.Ordinal);
        Assert.False(StoreCheck.Run(temp.DbPath).Healthy);
        Assert.Equal(before, TempStore.Hash(temp.DbPath));
    }

    [Fact]
    public void Random_bytes_in_a_page_are_reported_by_check_and_salvaged_by_repair_keeping_the_original()
    {
        using var temp = new TempStore();
        Fill(temp.DbPath, runs: 40);
        var bytes = File.ReadAllBytes(temp.DbPath);
        var pages = bytes.Length / 8192;
        new Random(5).NextBytes(bytes.AsSpan(pages / 2 * 8192, 8192)); // one whole page in the middle
        File.WriteAllBytes(temp.DbPath, bytes);
        var before = TempStore.Hash(temp.DbPath);

        var check = StoreCheck.Run(temp.DbPath);
        try
        {
            // Readers see the damage; a writer opening the file does not touch it either (it reads no history).
            RunStore.OpenForWriting(temp.DbPath).Dispose();
            using var store = RunStore.OpenReadOnly(temp.DbPath);
            _ = store.List(new RunQuery()).Select(r => store.LoadHistory(r.Id)).ToList();
        }
        catch (StoreDamagedException)
        {
            // A clear refusal is one acceptable outcome; a silent rewrite is not.
        }

        Assert.False(check.Healthy, "check found no problem in a file with a random page");
        Assert.Equal(before, TempStore.Hash(temp.DbPath));

        var repair = StoreRepair.Run(temp.DbPath);
        Assert.Equal(before, TempStore.Hash(repair.Backup));
        Assert.InRange(repair.RunsRecovered, 1, 40);
        var after = StoreCheck.Run(temp.DbPath);
        Assert.True(after.Healthy, string.Join("; ", after.Problems));
        Assert.Equal(repair.RunsRecovered, after.Runs);
    }

    private static void Fill(string path, int runs)
    {
        using var store = RunStore.OpenForWriting(path);
        for (var i = 0; i < runs; i++)
        {
            var d = TempStore.Description();
            store.Import(TempStore.Finished(d, 300), RunHistory.From(TempStore.Rows(300), d.ExtraNames));
        }
    }
}

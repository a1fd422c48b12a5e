using Workbench.Engine.Archive;
using Xunit;
using Xunit.Abstractions;

namespace Workbench.Storage.Tests.Sweeps;

/// <summary>Bar of issue 13: 16 bytes flipped at each 4 KiB page of a recorded store. Every run the readers cannot
/// give back exactly is named by <c>wb db check</c>, and no reader shows a changed value as a valid one.</summary>
[Trait("kind", "unit")]
[Trait("bar", "damage-sweep")]
public sealed class FlipSweepTests(ITestOutputHelper output)
{
    [Fact]
    public void Sixteen_bytes_flipped_at_each_4k_page_are_named_by_check_and_never_shown_as_valid()
    {
        using var store = new SweepStore(SweepStore.Size(ci: 6));
        var random = new Random(13);
        var failures = new List<string>();
        int pages = store.Bytes.Length / SweepStore.Page, flipsWithDamage = 0, damaged = 0, named = 0, flagged = 0;
        for (var page = 0; page < pages; page++)
        {
            var bytes = (byte[])store.Bytes.Clone();
            var at = page * SweepStore.Page + random.Next(0, SweepStore.Page - 16);
            for (var k = 0; k < 16; k++)
            {
                bytes[at + k] ^= (byte)random.Next(1, 256);
            }

            using var copy = store.Copy(bytes);
            var check = StoreCheck.Run(copy.DbPath);
            flagged += check.Healthy ? 0 : 1;
            var wholeFileRefused = check.Runs == 0 && !check.Healthy;
            var hurt = Hurt(store, copy.DbPath, page, failures);
            flipsWithDamage += hurt.Count > 0 ? 1 : 0;
            damaged += hurt.Count;
            foreach (var id in hurt)
            {
                if (wholeFileRefused || check.Problems.Any(p => p.Contains(id, StringComparison.Ordinal)))
                {
                    named++;
                }
                else
                {
                    failures.Add($"page {page} (offset {at}): run {id} reads wrong or not at all, but check does not name it ({string.Join("; ", check.Problems)})");
                }
            }
        }

        output.WriteLine($"{store.Truth.Count} runs, {store.Bytes.Length} bytes: {pages} pages flipped, {flagged} flagged by check, " +
                         $"{flipsWithDamage} hurt some run; {damaged} damaged runs, {named} named by check");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>The runs that the readers (list, show, export) cannot give back exactly; a reader that gives back a
    /// different value without calling it damaged is a failure.</summary>
    private static List<string> Hurt(SweepStore store, string path, int page, List<string> failures)
    {
        var hurt = new List<string>();
        RunStore reader;
        try
        {
            reader = RunStore.OpenReadOnly(path);
        }
        catch (StoreException)
        {
            return [.. store.Truth.Keys]; // refused whole, with a line: nothing shown, every run unreadable
        }

        using (reader)
        {
            RunListing? listing = null;
            try
            {
                listing = reader.ListChecked(new RunQuery());
            }
            catch (StoreException)
            {
            }

            foreach (var (id, (record, history)) in store.Truth)
            {
                var ok = true;
                if (listing?.Runs.FirstOrDefault(r => r.Id == id) is { } listed && SweepStore.Text(listed) != SweepStore.Text(record))
                {
                    failures.Add($"page {page}: runs list shows run {id} with changed values");
                }

                ok &= listing?.Runs.Any(r => r.Id == id) == true;
                try
                {
                    var shown = reader.Get(id);
                    if (SweepStore.Text(shown) != SweepStore.Text(record))
                    {
                        failures.Add($"page {page}: runs show gives run {id} with changed values");
                    }

                    if (!SweepStore.Same(history, reader.LoadHistory(id)))
                    {
                        failures.Add($"page {page}: runs export gives run {id} a changed history");
                    }
                }
                catch (Exception ex) when (ex is StoreException or RunIdException)
                {
                    ok = false;
                }

                if (!ok)
                {
                    hurt.Add(id);
                }
            }
        }

        return hurt;
    }
}

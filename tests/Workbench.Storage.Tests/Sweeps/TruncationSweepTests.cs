using Workbench.Engine.Archive;
using Xunit;
using Xunit.Abstractions;

namespace Workbench.Storage.Tests.Sweeps;

/// <summary>Bar of issue 13: a recorded store cut at each 4 KiB boundary, then repaired. The repaired file holds
/// every run that <c>wb db check</c> reads in the cut one, each with its values and the start of its history.</summary>
[Trait("kind", "unit")]
[Trait("bar", "damage-sweep")]
public sealed class TruncationSweepTests(ITestOutputHelper output)
{
    [Fact]
    public void A_store_cut_at_each_4k_boundary_is_repaired_to_at_least_the_runs_check_reads()
    {
        using var store = new SweepStore(SweepStore.Size(ci: 4));
        var failures = new List<string>();
        long readable = 0, recovered = 0;
        var refused = 0;
        var cuts = store.Bytes.Length / SweepStore.Page;
        for (var k = 1; k < cuts; k++)
        {
            using var copy = store.Copy(store.Bytes[..(k * SweepStore.Page)]);
            var check = StoreCheck.Run(copy.DbPath);
            readable += check.Runs;
            StoreRepairReport repair;
            try
            {
                repair = StoreRepair.Run(copy.DbPath);
            }
            catch (StoreException ex)
            {
                refused++;
                if (check.Runs > 0)
                {
                    failures.Add($"cut at {k * SweepStore.Page}: check reads {check.Runs} run(s), repair refused: {ex.Message}");
                }

                continue;
            }

            recovered += repair.RunsRecovered;
            var after = StoreCheck.Run(copy.DbPath);
            if (!after.Healthy || !after.ReadableIds.IsSupersetOf(check.ReadableIds) || repair.RunsRecovered < check.Runs)
            {
                failures.Add($"cut at {k * SweepStore.Page}: check read {check.Runs}, repair recovered {repair.RunsRecovered}, the new file checks {after.Runs} ({string.Join("; ", after.Problems)})");
            }

            Compare(store, copy.DbPath, k * SweepStore.Page, failures);
            Assert.Empty(Directory.GetFiles(copy.Folder, "*repair*"));
        }

        output.WriteLine($"{store.Truth.Count} runs, {store.Bytes.Length} bytes: {cuts - 1} cuts; check read {readable} run(s) in all, " +
                         $"repair recovered {recovered}; {refused} repair(s) refused (nothing readable)");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>Every repaired run is a stored run with its values, and its history is the stored one or its start.</summary>
    private static void Compare(SweepStore store, string path, int cut, List<string> failures)
    {
        using var reader = RunStore.OpenReadOnly(path);
        foreach (var run in reader.List(new RunQuery()))
        {
            if (!store.Truth.TryGetValue(run.Id, out var truth))
            {
                failures.Add($"cut at {cut}: repair made up run {run.Id}");
                continue;
            }

            if (SweepStore.Text(run with { Status = truth.Record.Status }) != SweepStore.Text(truth.Record) && run.Status != Engine.Running.RunStatus.Interrupted)
            {
                failures.Add($"cut at {cut}: run {run.Id} came back with changed values");
            }

            if (!SweepStore.Same(truth.History, reader.LoadHistory(run.Id), prefix: true))
            {
                failures.Add($"cut at {cut}: run {run.Id} came back with a changed history");
            }
        }
    }
}

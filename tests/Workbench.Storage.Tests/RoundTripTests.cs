using Workbench.Engine.Archive;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Storage.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public void A_recorded_run_reads_back_with_every_field_and_its_whole_history()
    {
        using var temp = new TempStore();
        var d = TempStore.Description();
        var rows = TempStore.Rows(2500, dt: 0.001); // crosses two flushes and three chunks
        var summary = new RunSummary
        {
            RunId = d.RunId, Status = RunStatus.Completed, StopReason = new StopReason(StopKind.Converged, "tolfun"), Error = "none, really",
            BestFitness = rows[^1].BestSoFar, BestPoint = [0.1, -0.2, double.Epsilon], Evaluations = rows[^1].Evaluations,
            Iterations = rows.Count, WallSeconds = 2.5, EndedAt = d.StartedAt.AddSeconds(2.5).AddTicks(3),
        };
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        using (var recorder = store.CreateRecorder())
        {
            recorder.OnRunStarted(d);
            rows.ForEach(recorder.OnIteration);
            recorder.OnRunFinished(summary);
        }

        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        var run = reader.Get(d.RunId[..10]);
        AssertDescription(d, run.Description);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(summary.StopReason, run.StopReason);
        Assert.Equal(summary.Error, run.Error);
        Assert.Equal(summary.BestFitness, run.BestFitness);
        Assert.Equal(summary.BestPoint, run.BestPoint);
        Assert.Equal(summary.Evaluations, run.Evaluations);
        Assert.Equal(summary.Iterations, run.Iterations);
        Assert.Equal(summary.WallSeconds, run.WallSeconds);
        Assert.Equal(summary.EndedAt, run.EndedAt);
        Assert.Equal(Environment.ProcessId, run.OwnerPid);
        Assert.Equal(Environment.MachineName, run.OwnerHost);
        AssertHistory(rows, reader.LoadHistory(d.RunId));
        Assert.Equal(RunStore.CurrentSchemaVersion, reader.SchemaVersion);
    }

    [Fact]
    public void Listing_filters_by_algorithm_status_tag_and_date_and_tag_and_delete_edit_the_store()
    {
        using var temp = new TempStore();
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            for (var i = 0; i < 6; i++)
            {
                var d = TempStore.Description(seed: (ulong)i) with { StartedAt = DateTimeOffset.UnixEpoch.AddDays(i), Algorithm = TempStore.Description().Algorithm with { Id = i % 2 == 0 ? "cmaes" : "pso" } };
                store.Import(TempStore.Finished(d, 5), RunHistory.From(TempStore.Rows(5), d.ExtraNames));
            }

            var all = store.List(new RunQuery());
            Assert.Equal(6, all.Count);
            Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Description.StartedAt > p.Second.Description.StartedAt));
            Assert.Equal(3, store.List(new RunQuery { AlgorithmId = "pso" }).Count);
            Assert.Equal(2, store.List(new RunQuery { Since = DateTimeOffset.UnixEpoch.AddDays(4) }).Count);
            Assert.Single(store.List(new RunQuery { AlgorithmId = "cmaes", Limit = 1 }));
            store.Tag(all[0].Id, "best");
            Assert.Equal(all[0].Id, Assert.Single(store.List(new RunQuery { Tag = "best" })).Id);
            Assert.Equal(6, store.List(new RunQuery { Tag = "b c" }).Count);
            Assert.Equal(6, store.List(new RunQuery { Status = RunStatus.Completed }).Count);
            Assert.Empty(store.List(new RunQuery { Status = RunStatus.Failed }));
            Assert.Equal(2, store.Delete([all[0].Id, all[1].Id]));
            Assert.Equal(4, store.List(new RunQuery()).Count);
            Assert.Throws<RunIdException>(() => store.LoadHistory(all[0].Id));
        }

        Assert.True(StoreCheck.Run(temp.DbPath).Healthy);
    }

    [Fact]
    public void Ambiguous_and_unknown_prefixes_are_refused_listing_the_matches()
    {
        using var temp = new TempStore();
        using var store = RunStore.OpenForWriting(temp.DbPath);
        foreach (var id in new[] { "abc00000000000000000000000000001", "abc00000000000000000000000000002", "def00000000000000000000000000003" })
        {
            var d = TempStore.Description(id);
            store.Import(TempStore.Finished(d, 2), RunHistory.From(TempStore.Rows(2), d.ExtraNames));
        }

        var ambiguous = Assert.Throws<RunIdException>(() => store.Get("abc"));
        Assert.Equal(2, ambiguous.Matches.Count);
        Assert.Empty(Assert.Throws<RunIdException>(() => store.Get("0123")).Matches);
        Assert.Equal("def00000000000000000000000000003", store.Get("DEF").Id);
    }

    internal static void AssertDescription(RunDescription expected, RunDescription actual)
    {
        Assert.Equal(expected with { Tags = [], ExtraNames = [], Lower = [], Upper = [], Algorithm = null!, Problem = null! },
            actual with { Tags = [], ExtraNames = [], Lower = [], Upper = [], Algorithm = null!, Problem = null! });
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.ExtraNames, actual.ExtraNames);
        Assert.Equal(expected.Lower, actual.Lower);
        Assert.Equal(expected.Upper, actual.Upper);
        foreach (var (e, a) in new[] { (expected.Algorithm, actual.Algorithm), (expected.Problem, actual.Problem) })
        {
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Origin, a.Origin);
            Assert.Equal(e.Options.OrderBy(o => o.Key), a.Options.OrderBy(o => o.Key));
        }
    }

    internal static void AssertHistory(IReadOnlyList<IterationRecord> rows, RunHistory h)
    {
        Assert.Equal(rows.Count, h.Count);
        Assert.Equal(rows.Select(r => r.Iteration), h.Iteration);
        Assert.Equal(rows.Select(r => r.Evaluations), h.Evaluations);
        Assert.Equal(rows.Select(r => r.BestSoFar), h.Best);
        Assert.Equal(rows.Select(r => r.IterationBest), h.IterationBest);
        Assert.Equal(rows.Select(r => r.Mean), h.Mean);
        Assert.Equal(rows.Select(r => r.ElapsedSeconds), h.Elapsed);
        Assert.Equal(rows.Select(r => r.Extras[0]), h.Extras["sigma"]);
        Assert.Equal(rows.Select(r => r.Extras[1]), h.Extras["axis-ratio"]);
    }
}

using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;
using Xunit;
using Xunit.Abstractions;

namespace Workbench.Storage.Tests;

/// <summary>Bar of issue 13: by default a run's stored history is bounded (≤ 2 MB) however long the run and however
/// often its best improves, and the first rows, the last row and the final best are stored exactly.</summary>
[Trait("kind", "unit")]
public sealed class HistoryCapTests(ITestOutputHelper output)
{
    [Fact]
    public void Five_million_improving_iterations_store_at_most_2_MB_with_exact_start_end_and_final_best()
    {
        const int iterations = 5_000_000;
        using var temp = new TempStore();
        var d = TempStore.Description();
        IterationRecord Row(long i) => new(i, 10 * i, 1.0 / i, 1.0 / i, 2.0 / i, i * 1e-6, [i * 0.5, -i]);
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        using (var recorder = store.CreateRecorder())
        {
            recorder.OnRunStarted(d);
            for (long i = 1; i <= iterations; i++)
            {
                recorder.OnIteration(Row(i));
            }

            recorder.OnRunFinished(new RunSummary
            {
                RunId = d.RunId, Status = RunStatus.Completed, StopReason = new StopReason(StopKind.MaxIterations), BestFitness = 1.0 / iterations,
                BestPoint = [0, 0, 0], Evaluations = 10L * iterations, Iterations = iterations, WallSeconds = 5, EndedAt = d.StartedAt.AddSeconds(5),
            });
        }

        var chunkBytes = 0L;
        using (var db = RunStore.Open(temp.DbPath, readOnly: true))
        {
            chunkBytes = RunStore.Chunks(db, d.RunId).Sum(c => (long)BsonSerializer.Serialize(c).Length);
        }

        var fileBytes = new FileInfo(temp.DbPath).Length + (File.Exists(Path.Combine(temp.Folder, "runs-log.db")) ? new FileInfo(Path.Combine(temp.Folder, "runs-log.db")).Length : 0);
        Assert.True(chunkBytes <= HistoryThinning.DefaultMaxBytes, $"history chunks hold {chunkBytes:N0} bytes");
        Assert.True(fileBytes <= HistoryThinning.DefaultMaxBytes, $"the store file holds {fileBytes:N0} bytes");

        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        var history = reader.LoadHistory(d.RunId);
        var budget = HistoryThinning.RowBudget(HistoryThinning.DefaultMaxBytes, d.ExtraNames.Count);
        output.WriteLine($"{iterations:N0} improving iterations: {history.Count:N0} rows kept (budget {budget:N0}), chunks {chunkBytes:N0} bytes, file {fileBytes:N0} bytes");
        Assert.True(history.Count > budget * 3 / 4, $"only {history.Count} rows kept"); // the budget is used, not thrown away
        for (var k = 0; k < HistoryThinning.KeepFirst; k++)
        {
            Assert.Equal(Row(k + 1).BestSoFar, history.Best[k]);
            Assert.Equal(k + 1, history.Iteration[k]);
        }

        Assert.Equal(iterations, history.Iteration[^1]);
        Assert.Equal(1.0 / iterations, history.Best[^1]);
        Assert.Equal(1.0 / iterations, reader.Get(d.RunId).BestFitness);
        Assert.Equal(-(double)iterations, history.Extras["axis-ratio"][^1]);
        for (var k = 0; k < history.Count; k++)
        {
            Assert.Equal(1.0 / history.Iteration[k], history.Best[k]); // every stored value is the true one at its iteration
        }
    }

    [Fact]
    public void Full_history_keeps_every_iteration()
    {
        using var temp = new TempStore();
        var d = TempStore.Description();
        var rows = Enumerable.Range(1, 5000).Select(i => new IterationRecord(i, 10L * i, 1, 1, 1, i * 1e-3, [0, 0])).ToList();
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        using (var recorder = store.CreateRecorder(keeping: HistoryKeeping.Full))
        {
            recorder.OnRunStarted(d);
            rows.ForEach(recorder.OnIteration);
            recorder.OnRunFinished(new RunSummary
            {
                RunId = d.RunId, Status = RunStatus.Completed, StopReason = new StopReason(StopKind.MaxIterations), BestFitness = 1,
                BestPoint = [0, 0, 0], Evaluations = 50_000, Iterations = 5000, WallSeconds = 5, EndedAt = d.StartedAt.AddSeconds(5),
            });
        }

        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        Assert.Equal(5000, reader.LoadHistory(d.RunId).Count);
    }
}

using System.Text.Json;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage.Tests.Sweeps;

/// <summary>A store written by the real recorder (runs of one to four history chunks, flushed several times each),
/// and the truth to judge a damaged copy of it by: every run's record and history as first read.</summary>
public sealed class SweepStore : IDisposable
{
    /// <summary>The page both sweeps step by: LiteDB's, and the unit a disk loses or damages.</summary>
    public const int Page = 4096;

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly TempStore _temp = new();

    public SweepStore(int runs)
    {
        using (var store = RunStore.OpenForWriting(_temp.DbPath))
        {
            for (var i = 0; i < runs; i++)
            {
                Record(store, 200 + (i * 997 % 3800));
            }
        }

        using var reader = RunStore.OpenReadOnly(_temp.DbPath);
        Truth = reader.List(new RunQuery()).ToDictionary(r => r.Id, r => (r, reader.LoadHistory(r.Id)));
        Bytes = File.ReadAllBytes(_temp.DbPath);
    }

    public string Folder => _temp.Folder;

    public byte[] Bytes { get; }

    public IReadOnlyDictionary<string, (RunRecord Record, RunHistory History)> Truth { get; }

    /// <summary>How many runs the sweeps store: <c>WB_SWEEP_RUNS</c> for a full-size run by hand, else the CI size.</summary>
    public static int Size(int ci) => int.TryParse(Environment.GetEnvironmentVariable("WB_SWEEP_RUNS"), out var n) && n > 0 ? n : ci;

    /// <summary>Every field of a record, as text to compare (the error aside: a repair notes a cut history there).</summary>
    public static string Text(RunRecord run) => JsonSerializer.Serialize(run with { Error = null }, Json);

    /// <summary>True when the history read back is exactly the stored one, or (after a repair) its start.</summary>
    public static bool Same(RunHistory expected, RunHistory actual, bool prefix = false)
    {
        if (actual.Count != expected.Count && !(prefix && actual.Count < expected.Count))
        {
            return false;
        }

        var n = actual.Count;
        return expected.Iteration.Take(n).SequenceEqual(actual.Iteration) && expected.Evaluations.Take(n).SequenceEqual(actual.Evaluations)
            && expected.Best.Take(n).SequenceEqual(actual.Best) && expected.IterationBest.Take(n).SequenceEqual(actual.IterationBest)
            && expected.Mean.Take(n).SequenceEqual(actual.Mean) && expected.Elapsed.Take(n).SequenceEqual(actual.Elapsed)
            && expected.Extras.All(e => actual.Extras.TryGetValue(e.Key, out var a) && e.Value.Take(n).SequenceEqual(a));
    }

    /// <summary>A fresh folder holding <paramref name="bytes"/> as its runs.db.</summary>
    public TempStore Copy(byte[] bytes)
    {
        var copy = new TempStore();
        File.WriteAllBytes(copy.DbPath, bytes);
        return copy;
    }

    public void Dispose() => _temp.Dispose();

    private static void Record(RunStore store, int count)
    {
        var d = TempStore.Description();
        var rows = TempStore.Rows(count, dt: 0.0004);
        using var recorder = store.CreateRecorder(TimeSpan.FromSeconds(0.25)); // several flushes a run
        recorder.OnRunStarted(d);
        rows.ForEach(recorder.OnIteration);
        recorder.OnRunFinished(new RunSummary
        {
            RunId = d.RunId, Status = RunStatus.Completed, StopReason = new StopReason(StopKind.MaxIterations), BestFitness = rows[^1].BestSoFar,
            BestPoint = [0.5, -1, 2], Evaluations = rows[^1].Evaluations, Iterations = count, WallSeconds = count * 0.0004,
            EndedAt = d.StartedAt.AddSeconds(1),
        });
    }
}

using System.Collections.Concurrent;
using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Records one run into the store: the run's observer. History rows are buffered in memory and written by a
/// background thread at most once per flush interval, one transaction per flush, so the run thread never waits on
/// the disk until the run has finished.</summary>
/// <remarks>
/// A failed write (disk full) is thrown from the next <see cref="OnIteration"/>, which fails the run; the rows of the
/// failed flush stay buffered and <see cref="OnRunFinished"/> still tries to write them with the final status.
/// Iterations pass through <see cref="HistoryThinning"/> first unless the recorder keeps <see cref="HistoryKeeping.Full"/>
/// history: the size rule lives here once, for every front end that records.
/// </remarks>
public sealed class RunRecorder : IRunObserver, IDisposable
{
    private readonly RunStore _store;
    private readonly double _flushSeconds;
    private readonly IRunObserver _entry;
    private readonly BlockingCollection<Action> _work = new();
    private Thread? _writer;
    private RunRecord? _started;
    private RunDescription? _run;
    private HistoryBuffer? _pending;
    private HistoryBuffer? _chunk;
    private int _chunkIndex;
    private HistoryBuffer? _unwritten;
    private BsonDocument? _runDocument;
    private double _lastFlush;
    private volatile Exception? _failure;

    internal RunRecorder(RunStore store, TimeSpan flushInterval, HistoryKeeping keeping)
    {
        _store = store;
        _flushSeconds = flushInterval.TotalSeconds;
        var sink = new Sink(this);
        _entry = keeping == HistoryKeeping.Full ? sink : new HistoryThinning(sink);
    }

    public void OnRunStarted(RunDescription run) => _entry.OnRunStarted(run);

    /// <summary>Passes the iteration through the thinning; then, at most once per flush interval, hands the rows kept
    /// so far to the writer together with this iteration as the run's progress. The clock runs on every iteration, not
    /// only on kept ones, so a killed run's record reaches to within one interval of the kill even when the thinning
    /// keeps no row for a while.</summary>
    public void OnIteration(IterationRecord record)
    {
        ThrowIfFailed();
        _entry.OnIteration(record);
        if (_writer is null ? _pending!.Count > 0 : record.ElapsedSeconds - _lastFlush >= _flushSeconds)
        {
            Flush(record);
        }
    }

    public void OnRunFinished(RunSummary summary) => _entry.OnRunFinished(summary);

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException($"recording to {_store.Path} failed: {failure.Message}", failure);
        }
    }

    private void Start(RunDescription run)
    {
        _run = run;
        _pending = new HistoryBuffer(run.ExtraNames.Count);
        _chunk = new HistoryBuffer(run.ExtraNames.Count, HistoryChunks.RowsPerChunk);
        _store.BeginRecording(run.RunId);
        _started = new RunRecord
        {
            Description = run, Status = RunStatus.Running, BestFitness = double.PositiveInfinity, BestPoint = [],
            Evaluations = 0, Iterations = 0, WallSeconds = 0, OwnerPid = Environment.ProcessId, OwnerHost = Environment.MachineName,
        };
    }

    /// <summary>Starts the writer and inserts the run on the first flush, which comes with the first iteration: a run
    /// is on disk from then on, even if a plugin hangs in its next call and the process is killed.</summary>
    private void Enqueue(Action write)
    {
        if (_writer is null)
        {
            _writer = new Thread(Drain) { IsBackground = true, Name = "wb-recorder" };
            _writer.Start();
            var record = _started!;
            _work.Add(() =>
            {
                _runDocument = RunDocuments.ToDocument(record, rows: 0);
                _store.Database.GetCollection(RunStore.Collections.Runs).Insert(_runDocument);
            });
        }

        _work.Add(write);
    }

    private void Append(IterationRecord record) => _pending!.Add(record);

    private void Flush(IterationRecord progress)
    {
        _lastFlush = progress.ElapsedSeconds;
        var rows = _pending!;
        _pending = new HistoryBuffer(_run!.ExtraNames.Count, Math.Max(256, rows.Count));
        Enqueue(() => Write(rows, outcome: null, progress));
    }

    private void Finish(RunSummary summary)
    {
        var rows = _pending!;
        _pending = new HistoryBuffer(0);
        Exception? final = null;
        Enqueue(() =>
        {
            try
            {
                Write(rows, summary, progress: null);
            }
            catch (Exception ex)
            {
                final = ex;
            }
        });
        _work.CompleteAdding();
        _writer!.Join();
        _store.EndRecording(summary.RunId, settled: final is null);
        if ((final ?? _failure) is { } error)
        {
            throw new IOException($"recording to {_store.Path} failed: {error.Message}", error);
        }
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _writer?.Join();
        _work.Dispose();
    }

    private void Drain()
    {
        foreach (var item in _work.GetConsumingEnumerable())
        {
            // After a failure only the final write (which catches its own error) is still worth trying.
            if (_failure is null || _work.IsAddingCompleted)
            {
                try
                {
                    item();
                }
                catch (Exception ex)
                {
                    _failure ??= ex;
                }
            }
        }
    }

    /// <summary>One transaction: the chunk(s) the new rows fall into, and the run's progress or final outcome.
    /// On failure the in-memory chunk is rolled back with the database and the rows are kept for the next try.</summary>
    private void Write(HistoryBuffer rows, RunSummary? outcome, IterationRecord? progress)
    {
        if (_unwritten is { Count: > 0 } carried)
        {
            carried.AddRange(rows, 0, rows.Count);
            rows = carried;
        }

        var db = _store.Database;
        var history = db.GetCollection(RunStore.Collections.History);
        var names = _run!.ExtraNames;
        var (chunk, index, countBefore) = (_chunk!, _chunkIndex, _chunk!.Count);
        db.BeginTrans();
        try
        {
            if (_runDocument is null)
            {
                throw _failure ?? new InvalidOperationException("the run was never inserted");
            }

            for (var from = 0; from < rows.Count;)
            {
                var take = Math.Min(rows.Count - from, HistoryChunks.RowsPerChunk - chunk.Count);
                chunk.AddRange(rows, from, take);
                from += take;
                history.Upsert(HistoryChunks.ToDocument(_run.RunId, index, chunk, names));
                if (chunk.Count == HistoryChunks.RowsPerChunk)
                {
                    chunk = new HistoryBuffer(names.Count, HistoryChunks.RowsPerChunk);
                    index++;
                }
            }

            RunDocuments.SetOutcome(_runDocument, Outcome(rows, outcome, progress), (long)index * HistoryChunks.RowsPerChunk + chunk.Count);
            db.GetCollection(RunStore.Collections.Runs).Update(_runDocument);
            db.Commit();
            (_chunk, _chunkIndex, _unwritten) = (chunk, index, null);
        }
        catch
        {
            db.Rollback();
            _chunk.Truncate(countBefore);
            _unwritten = rows;
            throw;
        }
    }

    private RunRecord Outcome(HistoryBuffer rows, RunSummary? summary, IterationRecord? progress)
    {
        var current = RunDocuments.FromDocument(_runDocument!);
        if (summary is not null)
        {
            return current with
            {
                Status = summary.Status, StopReason = summary.StopReason, Error = summary.Error, BestFitness = summary.BestFitness,
                BestPoint = summary.BestPoint, Evaluations = summary.Evaluations, Iterations = summary.Iterations,
                WallSeconds = summary.WallSeconds, EndedAt = summary.EndedAt, EvaluatorReport = summary.EvaluatorReport,
            };
        }

        if ((progress ?? (rows.Count == 0 ? null : rows.Last)) is not { } last)
        {
            return current;
        }

        return current with { BestFitness = last.BestSoFar, Evaluations = last.Evaluations, Iterations = last.Iteration, WallSeconds = last.ElapsedSeconds };
    }

    /// <summary>Where the kept iterations arrive: the recorder's own buffering and writing.</summary>
    private sealed class Sink(RunRecorder recorder) : IRunObserver
    {
        public void OnRunStarted(RunDescription run) => recorder.Start(run);

        public void OnIteration(IterationRecord record) => recorder.Append(record);

        public void OnRunFinished(RunSummary summary) => recorder.Finish(summary);
    }
}

using Microsoft.Extensions.Logging;
using Workbench.Contracts.Optimizers;
using Workbench.Engine.Diagnostics;
using Workbench.Engine.Evaluation;

namespace Workbench.Engine.Running;

/// <summary>ask → evaluate → tell → notify, until a stopping criterion holds.</summary>
/// <remarks>
/// The loop never throws for a failure of the run itself: a plugin error, an observer error or a cancellation
/// ends the run with a status and a reason in the returned summary, which every observer also receives.
/// The iterations run on a thread of their own under <see cref="RunWatchdog"/>: a plugin call that never returns
/// cannot hold the run past its time limit (or a cancellation) by more than the watchdog's grace.
/// </remarks>
public sealed class RunLoop
{
    private readonly PreparedRun _run;
    private readonly IReadOnlyList<IRunObserver> _observers;
    private readonly TimeProvider _time;
    private readonly IOptimizer _optimizer;
    private readonly int _dimension;
    private readonly double[] _bestPoint;
    private readonly double[] _extras;
    private readonly PluginCalls _calls;

    // Observers are called under this lock, and never again once the watchdog has abandoned the run thread.
    private readonly Lock _gate = new();
    private volatile bool _abandoned;
    private double[] _fitness = [];
    private double _best = double.PositiveInfinity;
    private long _evaluations;
    private long _iterations;
    private long _lastImprovement;

    private RunLoop(PreparedRun run, IReadOnlyList<IRunObserver> observers, TimeProvider time)
    {
        _run = run;
        _observers = observers;
        _time = time;
        _optimizer = run.Optimizer;
        _dimension = run.Problem.Dimension;
        _bestPoint = new double[_dimension];
        _extras = new double[run.Description.ExtraNames.Count];
        _calls = new PluginCalls(run.Description);
    }

    /// <summary>A batch larger than this many values is evaluated in slices, checking the time limit and
    /// cancellation between them, so that one huge iteration cannot overrun the limit.</summary>
    public const int SliceValues = 1 << 20;

    public static Task<RunSummary> RunAsync(PreparedRun run, IReadOnlyList<IRunObserver> observers, CancellationToken cancellationToken, TimeProvider? time = null) =>
        new RunLoop(run, observers, time ?? TimeProvider.System).RunAsync(cancellationToken);

    private async Task<RunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        StopReason stop;
        string? error = null;
        try
        {
            foreach (var observer in _observers)
            {
                observer.OnRunStarted(_run.Description);
            }

            var loop = Task.Run(() => IterateAsync(started, cancellationToken), CancellationToken.None);
            var outcome = await RunWatchdog.WatchAsync(loop, _run.Description.Stop.TimeLimit, _calls, cancellationToken);
            WorkbenchLog.For<RunLoop>().LogTrace("run loop left after {Seconds:F3} s ({Outcome})", _time.GetElapsedTime(started).TotalSeconds,
                outcome.WasCut ? "cut inside Ask at the time limit" : outcome.StuckIn is null ? "ended" : "stuck");
            if (outcome.WasCut || outcome.StuckIn is not null)
            {
                // Bounded: the abandoned thread may be stuck inside an observer, holding the gate.
                var locked = _gate.TryEnter(TimeSpan.FromSeconds(1));
                _abandoned = true;
                if (locked)
                {
                    _gate.Exit();
                }
            }

            if (outcome.StuckIn is string stuck)
            {
                throw new RunStuckException(stuck);
            }

            // Cut inside an Ask at the time limit: the iterations before it are complete and recorded; the thread
            // stops on its own when the Ask returns (PluginCalls.Leave) and is not waited for.
            stop = outcome.WasCut ? new StopReason(StopKind.TimeLimit) : await loop;
        }
        catch (RunStuckException ex)
        {
            stop = new StopReason(cancellationToken.IsCancellationRequested ? StopKind.Cancelled : StopKind.Failed);
            error = ex.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stop = new StopReason(StopKind.Cancelled);
        }
        catch (Exception ex)
        {
            stop = new StopReason(StopKind.Failed);
            error = ex is PluginFailureException or RunSetupException or EvaluatorLostException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        }

        var summary = new RunSummary
        {
            RunId = _run.Description.RunId,
            Status = stop.Kind switch
            {
                StopKind.Failed => RunStatus.Failed,
                StopKind.Cancelled => RunStatus.Interrupted,
                _ => RunStatus.Completed,
            },
            StopReason = stop,
            Error = error,
            BestFitness = _best,
            BestPoint = _iterations == 0 ? [] : (double[])_bestPoint.Clone(),
            Evaluations = _evaluations,
            Iterations = _iterations,
            WallSeconds = _time.GetElapsedTime(started).TotalSeconds,
            EndedAt = _time.GetUtcNow(),
            EvaluatorReport = (_run.Evaluator as IReportingEvaluator)?.Report(),
        };
        return NotifyFinished(summary);
    }

    private async Task<StopReason> IterateAsync(long started, CancellationToken cancellationToken)
    {
        var stop = _run.Description.Stop;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Ask();
            var count = BatchSize(batch);
            var take = stop.MaxEvaluations is long max ? (int)Math.Min(count, max - _evaluations) : count;
            if (_fitness.Length < count)
            {
                _fitness = new double[count];
            }

            var fitness = _fitness.AsMemory(0, count);
            var wanted = take;
            take = await EvaluateAsync(batch[..(take * _dimension)], fitness[..take], started, cancellationToken);
            _evaluations += take;
            _iterations++;
            var (iterationBest, mean) = Absorb(batch.Span, fitness.Span[..take]);
            if (take == count)
            {
                Tell(fitness.Span);
            }

            _optimizer.GetExtras(_extras);
            var record = new IterationRecord(_iterations, _evaluations, _best, iterationBest, mean,
                _time.GetElapsedTime(started).TotalSeconds, (double[])_extras.Clone());
            Notify(record);
            if (take < wanted)
            {
                return new StopReason(StopKind.TimeLimit); // the batch was cut at the limit
            }

            if (ShouldStop(stop, record) is StopReason reason)
            {
                return reason;
            }
        }
    }

    private StopReason? ShouldStop(StopCriteria stop, IterationRecord record)
    {
        if (stop.Target is double target && _best <= target)
        {
            return new StopReason(StopKind.TargetReached);
        }

        if (stop.MaxEvaluations is long maxEvals && _evaluations >= maxEvals)
        {
            return new StopReason(StopKind.MaxEvaluations);
        }

        if (stop.MaxIterations is long maxIters && _iterations >= maxIters)
        {
            return new StopReason(StopKind.MaxIterations);
        }

        if (stop.TimeLimit is TimeSpan limit && record.ElapsedSeconds >= limit.TotalSeconds)
        {
            return new StopReason(StopKind.TimeLimit);
        }

        if (stop.StagnationIterations is int window && _iterations - _lastImprovement >= window)
        {
            return new StopReason(StopKind.Stagnation);
        }

        return _optimizer.StopReason is string own ? new StopReason(StopKind.Converged, own) : null;
    }

    private (double IterationBest, double Mean) Absorb(ReadOnlySpan<double> points, ReadOnlySpan<double> fitness)
    {
        var iterationBest = double.PositiveInfinity;
        var bestIndex = -1;
        var sum = 0.0;
        for (var i = 0; i < fitness.Length; i++)
        {
            sum += fitness[i];
            if (fitness[i] < iterationBest)
            {
                iterationBest = fitness[i];
                bestIndex = i;
            }
        }

        if (iterationBest < _best)
        {
            _best = iterationBest;
            _lastImprovement = _iterations;
            points.Slice(bestIndex * _dimension, _dimension).CopyTo(_bestPoint);
        }

        return (iterationBest, sum / fitness.Length);
    }

    private int BatchSize(ReadOnlyMemory<double> batch)
    {
        if (batch.Length == 0 || batch.Length % _dimension != 0)
        {
            throw new PluginFailureException(_run.Description.Algorithm.Id,
                $"algorithm '{_run.Description.Algorithm.Id}' asked a batch of {batch.Length} values, not a positive multiple of the dimension {_dimension}");
        }

        return batch.Length / _dimension;
    }

    // Plain try/catch rather than a wrapper taking a lambda: this runs every iteration, and a lambda per call
    // would allocate on the hot path.
    private ReadOnlyMemory<double> Ask()
    {
        _calls.EnterAsk();
        try
        {
            return _optimizer.Ask();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PluginFailureException)
        {
            throw Wrap("Ask", ex);
        }
        finally
        {
            _calls.Leave();
        }
    }

    private void Tell(ReadOnlySpan<double> fitness)
    {
        _calls.EnterTell();
        try
        {
            _optimizer.Tell(fitness);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PluginFailureException)
        {
            throw Wrap("Tell", ex);
        }
        finally
        {
            _calls.Leave();
        }
    }

    /// <summary>Evaluates the batch, in slices when it is large; returns how many points were evaluated, fewer
    /// than asked when the time limit passed between slices.</summary>
    private async Task<int> EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, long started, CancellationToken cancellationToken)
    {
        var count = fitness.Length;
        var slice = Math.Max(1, SliceValues / _dimension);
        var limit = _run.Description.Stop.TimeLimit;
        var done = 0;
        while (done < count)
        {
            var n = Math.Min(slice, count - done);
            _calls.EnterEvaluate();
            try
            {
                await _run.Evaluator.EvaluateAsync(points.Slice(done * _dimension, n * _dimension), fitness.Slice(done, n), cancellationToken);
            }
            finally
            {
                _calls.Leave();
            }

            done += n;
            if (done < count && limit is TimeSpan l && _time.GetElapsedTime(started) >= l)
            {
                break;
            }
        }

        return done;
    }

    private void Notify(IterationRecord record)
    {
        lock (_gate)
        {
            // The watchdog has finished this run: a plugin call that came back late must not add to it.
            if (_abandoned)
            {
                throw new OperationCanceledException();
            }

            foreach (var observer in _observers)
            {
                observer.OnIteration(record);
            }
        }
    }

    private PluginFailureException Wrap(string what, Exception ex)
    {
        var algorithm = _run.Description.Algorithm;
        return new PluginFailureException(algorithm.Id,
            $"algorithm '{algorithm.Id}' (plugin {algorithm.Origin.PluginId}) threw {ex.GetType().Name} in {what}: {ex.Message}", ex);
    }

    private RunSummary NotifyFinished(RunSummary summary)
    {
        // Not under the gate when the run thread was abandoned: it may be stuck inside an observer holding it.
        if (_abandoned)
        {
            return NotifyFinishedUnlocked(summary);
        }

        lock (_gate)
        {
            return NotifyFinishedUnlocked(summary);
        }
    }

    private RunSummary NotifyFinishedUnlocked(RunSummary summary)
    {
        List<string>? errors = null;
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnRunFinished(summary);
            }
            catch (Exception ex)
            {
                (errors ??= []).Add($"{observer.GetType().Name}: {ex.Message}");
            }
        }

        return errors is null ? summary : summary with
        {
            Status = RunStatus.Failed,
            Error = string.Join("; ", new[] { summary.Error }.Concat(errors).Where(e => e is not null)),
        };
    }
}

/// <summary>The watchdog gave up on the run thread; the message names the plugin call it is stuck in.</summary>
internal sealed class RunStuckException(string message) : Exception(message);

using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Mapping;

/// <summary>Runs one job over many inputs on whatever slots the source offers: chunks sized per slot from its
/// measured speed, results placed by input index (so outputs never depend on slots), jobs of a lost slot retried
/// elsewhere up to <see cref="MapSettings.MaxAttempts"/> dispatches in all.</summary>
public sealed class MapScheduler
{
    private readonly MapSettings _settings;

    public MapScheduler(MapSettings? settings = null)
    {
        _settings = settings ?? new MapSettings();
        if (_settings.MaxAttempts < 1 || _settings.MaxChunkSize < 1)
        {
            throw new ArgumentException("MaxAttempts and MaxChunkSize must be at least 1.", nameof(settings));
        }
    }

    /// <exception cref="OperationCanceledException">Cancelled; the chunks in flight are awaited first.</exception>
    public async Task<MapResult> RunAsync(
        MapJob job, IReadOnlyList<TaskValue> inputs, IJobSlotSource slots, IMapObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var clock = _settings.Clock;
        var started = clock.GetTimestamp();
        var state = new MapState(inputs.Count, _settings.MaxAttempts);
        var running = new Dictionary<Task<ChunkOutcome>, IJobSlot>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (!state.AllDone)
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    Dispatch(job, inputs, slots, state, running, stop.Token);
                }

                if (running.Count == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Nothing runs and no slot can take work: what is left can never run.
                    state.FailPending("no job slot is left to run it");
                    break;
                }

                var finished = await Task.WhenAny(running.Keys).ConfigureAwait(false);
                running.Remove(finished, out var slot);
                var outcome = await finished.ConfigureAwait(false);
                if (outcome.Canceled)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                state.Apply(slot!, outcome);
                observer?.OnProgress(state.Progress());
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(running.Keys).ConfigureAwait(false);
        }

        var wall = clock.GetElapsedTime(started);
        return new MapResult(state.Outcomes(), state.Statistics(), wall);
    }

    private void Dispatch(
        MapJob job, IReadOnlyList<TaskValue> inputs, IJobSlotSource source, MapState state, Dictionary<Task<ChunkOutcome>, IJobSlot> running, CancellationToken token)
    {
        var offered = source.Current();
        var usable = offered.Count(s => !state.IsLost(s));
        foreach (var slot in offered)
        {
            if (!state.HasPending)
            {
                return;
            }

            // By reference: two slots that compare equal (records, say) are still two places to run.
            if (state.IsLost(slot) || running.Values.Any(busy => ReferenceEquals(busy, slot)))
            {
                continue;
            }

            var size = ChunkSizing.Next(state.SecondsPerJob(slot), state.PendingCount, usable, _settings);
            var chunk = state.Take(size, slot.Name).Select(i => (i, inputs[i])).ToArray();
            running[RunChunk(slot, job, chunk, token)] = slot;
        }
    }

    /// <summary>Never throws: every ending of a chunk becomes an outcome the loop applies in one place.</summary>
    private async Task<ChunkOutcome> RunChunk(IJobSlot slot, MapJob job, (int Index, TaskValue Input)[] chunk, CancellationToken token)
    {
        var clock = _settings.Clock;
        var start = clock.GetTimestamp();
        try
        {
            // Yield first, to the thread pool and not to a caller's synchronization context, so a slot that runs
            // synchronously cannot hold up the dispatch of the others, nor a blocking caller deadlock the map.
            await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            var results = await slot.RunAsync(job, chunk, token).ConfigureAwait(false);
            if (results.Count != chunk.Length || results.Where((r, k) => r.Index != chunk[k].Index).Any())
            {
                return ChunkOutcome.Lost(chunk, clock.GetElapsedTime(start), $"slot {slot.Name} returned results that do not match its chunk");
            }

            return new ChunkOutcome(chunk, results, clock.GetElapsedTime(start), null, false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return new ChunkOutcome(chunk, null, clock.GetElapsedTime(start), null, true);
        }
        catch (Exception ex)
        {
            // A slot must report job errors as results; anything it throws means the slot itself failed.
            var cause = ex is JobSlotLostException ? ex.Message : $"slot {slot.Name} failed: {ex.Message}";
            return ChunkOutcome.Lost(chunk, clock.GetElapsedTime(start), cause);
        }
    }
}

/// <summary>How one chunk ended: its results, or the reason its slot was lost, or cancellation.</summary>
internal sealed record ChunkOutcome(
    (int Index, TaskValue Input)[] Chunk, IReadOnlyList<JobResult>? Results, TimeSpan Elapsed, string? LostCause, bool Canceled)
{
    public static ChunkOutcome Lost((int Index, TaskValue Input)[] chunk, TimeSpan elapsed, string cause) => new(chunk, null, elapsed, cause, false);
}

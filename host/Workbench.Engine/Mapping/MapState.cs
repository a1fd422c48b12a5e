using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Mapping;

/// <summary>The scheduler's bookkeeping, touched only by its loop: what is pending, each job's attempts and
/// outcome, and each slot's speed and counts.</summary>
internal sealed class MapState
{
    private readonly int _maxAttempts;
    private readonly TaskValue?[] _outputs;
    private readonly string?[] _errors;
    private readonly int[] _attempts;
    private readonly string[] _slotOf;
    // Retried jobs go first, so a lost chunk does not wait behind the whole rest of the map.
    private readonly Queue<int> _retries = new();
    private readonly Dictionary<IJobSlot, (double Seconds, int Jobs)> _speed = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IJobSlot> _lost = new(ReferenceEqualityComparer.Instance);
    private readonly SortedDictionary<string, SlotCounts> _perName = new(StringComparer.Ordinal);
    private int _next;
    private int _done;
    private int _failed;

    public MapState(int count, int maxAttempts)
    {
        _maxAttempts = maxAttempts;
        _outputs = new TaskValue?[count];
        _errors = new string?[count];
        _attempts = new int[count];
        _slotOf = Enumerable.Repeat("", count).ToArray();
    }

    public bool AllDone => _done == _outputs.Length;

    public int PendingCount => _retries.Count + (_outputs.Length - _next);

    public bool HasPending => PendingCount > 0;

    public bool IsLost(IJobSlot slot) => _lost.Contains(slot);

    /// <summary>The slot's measured seconds per job; before its first chunk, the mean of the others (null if none).</summary>
    public double? SecondsPerJob(IJobSlot slot)
    {
        if (_speed.TryGetValue(slot, out var own) && own.Jobs > 0)
        {
            return own.Seconds / own.Jobs;
        }

        var jobs = _speed.Values.Sum(s => s.Jobs);
        return jobs > 0 ? _speed.Values.Sum(s => s.Seconds) / jobs : null;
    }

    public IEnumerable<int> Take(int size, string slotName)
    {
        var taken = new List<int>(size);
        // A retried job goes out alone: if it is the one that kills its slot, it takes no other job down with it.
        if (_retries.Count > 0)
        {
            size = 1;
        }

        while (taken.Count < size && HasPending)
        {
            taken.Add(_retries.Count > 0 ? _retries.Dequeue() : _next++);
        }

        foreach (var i in taken)
        {
            _attempts[i]++;
            _slotOf[i] = slotName;
        }

        return taken;
    }

    public void Apply(IJobSlot slot, ChunkOutcome outcome)
    {
        var counts = Counts(slot.Name);
        counts.Chunks++;
        counts.BusySeconds += outcome.Elapsed.TotalSeconds;
        if (outcome.Results is { } results)
        {
            var seconds = _speed.GetValueOrDefault(slot);
            _speed[slot] = (seconds.Seconds + outcome.Elapsed.TotalSeconds, seconds.Jobs + results.Count);
            counts.Jobs += results.Count;
            foreach (var r in results)
            {
                Finish(r.Index, r.Output, r.Error);
            }

            return;
        }

        _lost.Add(slot);
        counts.Lost = true;
        foreach (var (index, _) in outcome.Chunk)
        {
            if (_attempts[index] >= _maxAttempts)
            {
                Finish(index, null, $"lost with its slot {_attempts[index]} times; last: {outcome.LostCause}");
            }
            else
            {
                _retries.Enqueue(index);
            }
        }
    }

    public void FailPending(string reason)
    {
        while (HasPending)
        {
            var i = _retries.Count > 0 ? _retries.Dequeue() : _next++;
            Finish(i, null, reason);
        }
    }

    public MapProgress Progress() =>
        new(_done, _outputs.Length, _failed, _perName.ToDictionary(kv => kv.Key, kv => kv.Value.Jobs, StringComparer.Ordinal));

    public IReadOnlyList<JobOutcome> Outcomes() =>
        Enumerable.Range(0, _outputs.Length).Select(i => new JobOutcome(i, _outputs[i], _errors[i], _attempts[i], _slotOf[i])).ToArray();

    public IReadOnlyList<SlotStatistics> Statistics() =>
        _perName.Select(kv => new SlotStatistics(kv.Key, kv.Value.Jobs, kv.Value.Chunks, kv.Value.BusySeconds, kv.Value.Lost)).ToArray();

    private void Finish(int index, TaskValue? output, string? error)
    {
        _outputs[index] = error is null ? output : null;
        _errors[index] = error ?? (output is null ? "the job returned no value" : null);
        _done++;
        if (_errors[index] is not null)
        {
            _failed++;
        }
    }

    private SlotCounts Counts(string name)
    {
        if (!_perName.TryGetValue(name, out var counts))
        {
            counts = new SlotCounts();
            _perName[name] = counts;
        }

        return counts;
    }

    private sealed class SlotCounts
    {
        public int Jobs { get; set; }

        public int Chunks { get; set; }

        public double BusySeconds { get; set; }

        public bool Lost { get; set; }
    }
}

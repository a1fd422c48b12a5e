using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Mapping;

/// <summary>What a map did: one outcome per input, in input order, and what each slot did.</summary>
public sealed record MapResult(IReadOnlyList<JobOutcome> Jobs, IReadOnlyList<SlotStatistics> Slots, TimeSpan Wall)
{
    public IReadOnlyList<int> FailedIndices { get; } = Jobs.Where(j => !j.Succeeded).Select(j => j.Index).ToArray();

    public bool Succeeded => FailedIndices.Count == 0;

    public double JobsPerSecond => Wall > TimeSpan.Zero ? Jobs.Count / Wall.TotalSeconds : 0;
}

/// <summary>One input's outcome: its output or error, how many times it was dispatched, and the slot that ran it last.</summary>
public sealed record JobOutcome(int Index, TaskValue? Output, string? Error, int Attempts, string Slot)
{
    public bool Succeeded => Error is null;
}

/// <summary>Per slot name: jobs whose results it returned, chunks it ran, seconds it was busy, and whether it was lost.</summary>
public sealed record SlotStatistics(string Name, int Jobs, int Chunks, double BusySeconds, bool Lost);

/// <summary>Progress after each chunk: jobs finished (succeeded or failed for good) out of the total, per slot.</summary>
public sealed record MapProgress(int Done, int Total, int Failed, IReadOnlyDictionary<string, int> PerSlot);

/// <summary>Receives progress on the scheduler's own loop, one call at a time.</summary>
public interface IMapObserver
{
    void OnProgress(MapProgress progress);
}

/// <summary>Tuning of the scheduler. The defaults suit everything from zero-work jobs to hour-long ones.</summary>
public sealed record MapSettings
{
    /// <summary>Work per chunk aimed at: long enough to hide a dispatch's cost, short enough to balance the tail.</summary>
    public TimeSpan TargetChunkTime { get; init; } = TimeSpan.FromMilliseconds(30);

    public int MaxChunkSize { get; init; } = 512;

    /// <summary>Dispatches per job before a job lost with its slot each time fails for good.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The clock that measures slots (a test's manual clock makes chunk sizing deterministic).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

using Workbench.Engine.Catalog;
using Workbench.Engine.Running;

namespace Workbench.Engine.Archive;

/// <summary>A stored map: which job (plugin build and options) over how many inputs, how it ended, what each slot
/// did, and which inputs failed. The outputs themselves are not stored (they go to the caller or a file).</summary>
public sealed record MapRunRecord
{
    /// <summary>A time-ordered Guid v7 as 32 hex digits, like run ids.</summary>
    public required string Id { get; init; }

    public required string JobId { get; init; }

    public required ComponentOrigin Origin { get; init; }

    /// <summary>Canonical text of every option value, defaults included.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    public required int Count { get; init; }

    /// <summary>Slots offered when the map started.</summary>
    public required int SlotCount { get; init; }

    public required MachineInfo Machine { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Completed when every job ran (some may have failed: see <see cref="FailedIndices"/>).</summary>
    public required RunStatus Status { get; init; }

    public string? Error { get; init; }

    public double WallSeconds { get; init; }

    public IReadOnlyList<MapSlotRecord> Slots { get; init; } = [];

    /// <summary>Every failed input index, in order.</summary>
    public IReadOnlyList<int> FailedIndices { get; init; } = [];

    /// <summary>The first few failures' errors, enough to see the cause without the outputs file.</summary>
    public IReadOnlyList<MapErrorRecord> FirstErrors { get; init; } = [];

    public required int OwnerPid { get; init; }

    public required string OwnerHost { get; init; }
}

public sealed record MapSlotRecord(string Name, int Jobs, int Chunks, double BusySeconds, bool Lost);

public sealed record MapErrorRecord(int Index, string Error);

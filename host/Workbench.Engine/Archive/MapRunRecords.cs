using Workbench.Engine.Mapping;
using Workbench.Engine.Running;

namespace Workbench.Engine.Archive;

/// <summary>Builds the records of one map's life: running when it starts, then completed, failed or interrupted.</summary>
public static class MapRunRecords
{
    public const int KeptErrors = 5;

    public static MapRunRecord Start(MapJob job, int count, int slotCount, DateTimeOffset startedAt) => new()
    {
        Id = Guid.CreateVersion7(startedAt).ToString("N"),
        JobId = job.Spec.Id,
        Origin = job.Origin,
        Options = job.Spec.Options,
        Count = count,
        SlotCount = slotCount,
        Machine = MachineInfo.Current,
        StartedAt = startedAt,
        Status = RunStatus.Running,
        OwnerPid = Environment.ProcessId,
        OwnerHost = Environment.MachineName,
    };

    /// <summary>Completed even when some jobs failed: the map ran to its end; the failures are listed.</summary>
    public static MapRunRecord Complete(MapRunRecord started, MapResult result, DateTimeOffset endedAt) => started with
    {
        Status = RunStatus.Completed,
        EndedAt = endedAt,
        WallSeconds = result.Wall.TotalSeconds,
        Slots = result.Slots.Select(s => new MapSlotRecord(s.Name, s.Jobs, s.Chunks, s.BusySeconds, s.Lost)).ToArray(),
        FailedIndices = result.FailedIndices,
        FirstErrors = result.Jobs.Where(j => !j.Succeeded).Take(KeptErrors).Select(j => new MapErrorRecord(j.Index, j.Error!)).ToArray(),
        Error = result.Succeeded ? null : $"{result.FailedIndices.Count} of {result.Jobs.Count} jobs failed",
    };

    /// <param name="status">Failed or interrupted.</param>
    public static MapRunRecord End(MapRunRecord started, RunStatus status, string error, DateTimeOffset endedAt) => started with
    {
        Status = status,
        Error = error,
        EndedAt = endedAt,
        WallSeconds = (endedAt - started.StartedAt).TotalSeconds,
    };
}

using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Mapping;

/// <summary>One place where jobs run, one chunk at a time: a local thread, or later a slot of a peer machine.</summary>
public interface IJobSlot
{
    /// <summary>Names the slot in per-slot counts (<c>local:0</c>, or a peer's name and slot).</summary>
    string Name { get; }

    /// <summary>Runs every job of <paramref name="chunk"/> and returns one result per job, in chunk order. A job's
    /// own exception is that job's error result, never thrown.</summary>
    /// <exception cref="JobSlotLostException">The slot itself failed (its peer died or went away): the chunk's jobs
    /// did not run, or their results are lost, and the scheduler runs them elsewhere.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    ValueTask<IReadOnlyList<JobResult>> RunAsync(MapJob job, IReadOnlyList<(int Index, TaskValue Input)> chunk, CancellationToken cancellationToken);
}

/// <summary>The slots a map may use, asked again before every dispatch, so a provider can add peers that join and
/// drop peers that leave while a map runs (a slot dropped here finishes the chunk it has).</summary>
public interface IJobSlotSource
{
    IReadOnlyList<IJobSlot> Current();
}

/// <summary>One job's result from a slot: its output, or the error its job raised.</summary>
public sealed record JobResult(int Index, TaskValue? Output, string? Error)
{
    public static JobResult Success(int index, TaskValue output) => new(index, output, null);

    public static JobResult Failure(int index, string error) => new(index, null, error);
}

/// <summary>The slot itself was lost (not a job's failure): its chunk is retried on another slot.</summary>
public sealed class JobSlotLostException : Exception
{
    public JobSlotLostException(string slot, string message, Exception? inner = null)
        : base(message, inner)
    {
        Slot = slot;
    }

    public string Slot { get; }
}

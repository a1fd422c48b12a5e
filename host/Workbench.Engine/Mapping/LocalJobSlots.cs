using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Mapping;

/// <summary>N slots on this machine, one thread each, sharing the job's local instance.</summary>
public sealed class LocalJobSlots : IJobSlotSource
{
    private readonly IJobSlot[] _slots;

    public LocalJobSlots(int? count = null)
    {
        var n = count ?? Environment.ProcessorCount;
        if (n < 1)
        {
            throw new RunSetupException("slots", $"the number of slots must be at least 1, not {n}");
        }

        _slots = Enumerable.Range(0, n).Select(i => (IJobSlot)new LocalJobSlot($"local:{i}")).ToArray();
    }

    public IReadOnlyList<IJobSlot> Current() => _slots;
}

/// <summary>Runs a chunk on a thread of its own (a job may block for seconds; the thread pool must not starve).</summary>
public sealed class LocalJobSlot(string name) : IJobSlot
{
    public string Name { get; } = name;

    public ValueTask<IReadOnlyList<JobResult>> RunAsync(MapJob job, IReadOnlyList<(int Index, TaskValue Input)> chunk, CancellationToken cancellationToken) =>
        new(Task.Factory.StartNew(
            () => RunAll(job, chunk, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    /// <summary>Runs jobs in order; a job's exception becomes its error result and the chunk goes on.</summary>
    public static IReadOnlyList<JobResult> RunAll(MapJob job, IReadOnlyList<(int Index, TaskValue Input)> chunk, CancellationToken cancellationToken)
    {
        var results = new JobResult[chunk.Count];
        for (var k = 0; k < chunk.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (index, input) = chunk[k];
            try
            {
                results[k] = JobResult.Success(index, job.Local.Run(input, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                results[k] = JobResult.Failure(index, $"job '{job.Spec.Id}' failed on input {index}: {ex.Message}");
            }
        }

        return results;
    }
}

namespace Workbench.Engine.Tasks;

/// <summary>Every node still running waits on an empty tube, so none can ever go on. The message lists who waits
/// on what, which usually shows the missing push or the pops in the wrong order.</summary>
public sealed class TaskDeadlockException : Exception
{
    public TaskDeadlockException(string taskId, IReadOnlyList<NodeWait> waits)
        : base($"task '{taskId}' deadlocked: every running node waits on an empty tube ({string.Join("; ", waits.Where(w => w.Tube is not null))})")
    {
        TaskId = taskId;
        Waits = waits;
    }

    public string TaskId { get; }

    /// <summary>Every node's state when the deadlock was found.</summary>
    public IReadOnlyList<NodeWait> Waits { get; }
}

namespace Workbench.Engine.Tasks;

/// <summary>A parallel task failed: a node threw (its exception is the inner exception), or the run passed its
/// time limit. The message names the task, the node and the cause in one line.</summary>
public sealed class ParallelTaskException : Exception
{
    public ParallelTaskException(string taskId, int? node, string message, Exception? inner = null)
        : base(message, inner)
    {
        TaskId = taskId;
        Node = node;
    }

    public string TaskId { get; }

    /// <summary>The failing node, or null when the whole run failed (a timeout).</summary>
    public int? Node { get; }

    internal static ParallelTaskException NodeFailed(string taskId, int node, int nodeCount, Exception cause) =>
        new(taskId, node, $"task '{taskId}' failed on node {node} of {nodeCount}: {cause.GetType().Name}: {cause.Message}", cause);
}

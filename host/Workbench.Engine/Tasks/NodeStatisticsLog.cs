namespace Workbench.Engine.Tasks;

/// <summary>Keeps every node's statistics as nodes finish, and passes all calls on to another observer (a progress
/// line). A task that fails throws instead of returning its statistics, so this is how a failed run keeps them.</summary>
public sealed class NodeStatisticsLog(ITaskObserver? inner = null) : ITaskObserver
{
    private readonly List<NodeStatistics> _finished = [];

    /// <summary>A copy of the nodes finished so far.</summary>
    public IReadOnlyList<NodeStatistics> Finished
    {
        get
        {
            lock (_finished)
            {
                return _finished.ToArray();
            }
        }
    }

    public void OnNodeProgress(NodeProgress progress) => inner?.OnNodeProgress(progress);

    public void OnNodeFinished(NodeStatistics node)
    {
        lock (_finished)
        {
            _finished.Add(node);
        }

        inner?.OnNodeFinished(node);
    }
}

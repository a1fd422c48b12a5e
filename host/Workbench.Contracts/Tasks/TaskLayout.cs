namespace Workbench.Contracts.Tasks;

/// <summary>How a task is spread over K nodes: one argument set per node (its count is K) and the tubes.</summary>
public sealed class TaskLayout
{
    public TaskLayout(IEnumerable<TaskArguments> nodeArguments, TubeTopology topology)
    {
        NodeArguments = nodeArguments.ToArray();
        Topology = topology ?? throw new ArgumentNullException(nameof(topology));
    }

    public IReadOnlyList<TaskArguments> NodeArguments { get; }

    public int NodeCount => NodeArguments.Count;

    public TubeTopology Topology { get; }
}

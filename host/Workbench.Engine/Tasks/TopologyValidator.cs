using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>Checks a task layout before any node starts, so a wrong topology fails with a clear message instead
/// of a node waiting forever on a tube nobody feeds.</summary>
public static class TopologyValidator
{
    /// <exception cref="RunSetupException">Subject <c>topology</c> (or <c>nodes</c>); the message names the culprit.</exception>
    public static void Validate(string taskId, TaskLayout layout)
    {
        if (layout.NodeCount < 1)
        {
            throw new RunSetupException("nodes", $"task '{taskId}' has no nodes; it needs at least one");
        }

        for (var node = 0; node < layout.NodeCount; node++)
        {
            if (layout.NodeArguments[node] is null)
            {
                throw new RunSetupException("topology", $"task '{taskId}': node {node} has no arguments");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in layout.Topology.Links)
        {
            if (link is null || string.IsNullOrWhiteSpace(link.Name))
            {
                throw new RunSetupException("topology", $"task '{taskId}': every tube needs a non-empty name");
            }

            if (!names.Add(link.Name))
            {
                throw new RunSetupException("topology", $"task '{taskId}': tube name '{link.Name}' is used twice");
            }

            CheckNode(taskId, layout.NodeCount, link, link.From, "from");
            CheckNode(taskId, layout.NodeCount, link, link.To, "to");
        }
    }

    private static void CheckNode(string taskId, int nodeCount, TubeLink link, int node, string end)
    {
        if (node < 0 || node >= nodeCount)
        {
            throw new RunSetupException(
                "topology",
                $"task '{taskId}': tube '{link.Name}' goes {end} unknown node {node}; nodes are 0..{nodeCount - 1}");
        }
    }
}

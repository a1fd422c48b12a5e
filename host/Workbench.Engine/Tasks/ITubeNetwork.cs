namespace Workbench.Engine.Tasks;

/// <summary>The tubes of one task run, by name. The runtime tells it when a node has finished, which is what lets
/// a network notice that the nodes still running can only wait on each other.</summary>
public interface ITubeNetwork
{
    IReadOnlyList<ITube> Tubes { get; }

    /// <exception cref="KeyNotFoundException">No tube has that name.</exception>
    ITube this[string name] { get; }

    /// <summary>Node <paramref name="node"/> returned or failed: it will neither push nor pop again.</summary>
    void NodeFinished(int node);

    /// <summary>What each node is doing now (running, waiting on a tube, finished), for timeout messages.</summary>
    IReadOnlyList<NodeWait> Snapshot();
}

/// <summary>A node and the tube it waits on (null when it is not waiting).</summary>
public sealed record NodeWait(int Node, string? Tube, bool Finished)
{
    public override string ToString() =>
        Finished ? $"node {Node} finished" : Tube is null ? $"node {Node} running" : $"node {Node} waits on '{Tube}'";
}

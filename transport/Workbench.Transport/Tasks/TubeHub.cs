using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Tasks;

/// <summary>Relays tube values and credits between the nodes of one task and finds deadlocks across peers.</summary>
/// <remarks>Every value and credit passes through here, so the hub counts what it forwarded on each tube. A node
/// that blocks reports how many values (or credits) it had seen on its tube; when every node still running is
/// blocked and each has seen all the hub forwarded to it, nothing is on its way to anyone and nobody can move:
/// a deadlock, reported exactly, as in one process.</remarks>
internal sealed class TubeHub
{
    private readonly object _gate = new();
    private readonly RemoteNode[] _nodes;
    private readonly Dictionary<string, TubeLink> _links;
    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _credits = new(StringComparer.Ordinal);

    public TubeHub(string taskId, RemoteNode[] nodes, TubeTopology topology)
    {
        TaskId = taskId;
        _nodes = nodes;
        _links = topology.Links.ToDictionary(l => l.Name, StringComparer.Ordinal);
        foreach (var link in topology.Links)
        {
            _values[link.Name] = 0;
            _credits[link.Name] = 0;
        }
    }

    public string TaskId { get; }

    /// <summary>Routes one message from node <paramref name="from"/>; returns the deadlock this reveals, if any.</summary>
    /// <exception cref="InvalidOperationException">The node used a tube that is not its own.</exception>
    public IReadOnlyList<NodeWait>? Route(int from, NodeOutput output)
    {
        lock (_gate)
        {
            var node = _nodes[from];
            switch (output.OutputCase)
            {
                case NodeOutput.OutputOneofCase.Value:
                    var link = Own(output.Value.Tube, from, outgoing: true);
                    _values[link.Name]++;
                    _nodes[link.To].Send(new NodeInput { Value = output.Value });
                    return null;
                case NodeOutput.OutputOneofCase.Complete:
                    // Counted as a value: the receiver counts it too, so a completion on its way is never a deadlock.
                    var ended = Own(output.Complete.Tube, from, outgoing: true);
                    _values[ended.Name]++;
                    _nodes[ended.To].Send(new NodeInput { Complete = output.Complete });
                    return null;
                case NodeOutput.OutputOneofCase.Credit:
                    var back = Own(output.Credit.Tube, from, outgoing: false);
                    _credits[back.Name] += output.Credit.Count;
                    _nodes[back.From].Send(new NodeInput { Credit = output.Credit });
                    return null;
                case NodeOutput.OutputOneofCase.Waiting:
                    node.Waiting = output.Waiting;
                    return Deadlock();
                case NodeOutput.OutputOneofCase.Resumed:
                    node.Waiting = null;
                    return null;
                default:
                    return null;
            }
        }
    }

    /// <summary>Node <paramref name="node"/> sent its result; returns the deadlock its end reveals, if any.</summary>
    public IReadOnlyList<NodeWait>? Finished(int node)
    {
        lock (_gate)
        {
            _nodes[node].Finished = true;
            _nodes[node].Waiting = null;
            return Deadlock();
        }
    }

    /// <summary>What every node is doing now, for the error of a timeout or a lost peer.</summary>
    public IReadOnlyList<NodeWait> Snapshot()
    {
        lock (_gate)
        {
            return _nodes.Select(n => new NodeWait(n.Index, n.Waiting is { } w ? Describe(w) : null, n.Finished)).ToArray();
        }
    }

    private IReadOnlyList<NodeWait>? Deadlock()
    {
        var running = _nodes.Where(n => !n.Finished).ToArray();
        if (running.Length == 0 || running.Any(n => n.Waiting is not { } w || Forwarded(w) != w.Seen))
        {
            return null;
        }

        return _nodes.Select(n => new NodeWait(n.Index, n.Waiting is { } w ? Describe(w) : null, n.Finished)).ToArray();
    }

    private long Forwarded(NodeWaiting wait) => wait.Push ? _credits[wait.Tube] : _values[wait.Tube];

    private static string Describe(NodeWaiting wait) => wait.Push ? $"{wait.Tube} (full: waits for credit)" : wait.Tube;

    private TubeLink Own(string tube, int node, bool outgoing) =>
        _links.TryGetValue(tube, out var link) && (outgoing ? link.From : link.To) == node
            ? link
            : throw new InvalidOperationException($"node {node} used tube '{tube}', which is not one of its {(outgoing ? "outgoing" : "incoming")} tubes");
}

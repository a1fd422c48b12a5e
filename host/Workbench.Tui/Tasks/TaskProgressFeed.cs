using Workbench.Engine.Tasks;
using Workbench.Tui.Live;

namespace Workbench.Tui.Tasks;

/// <summary>Per-node progress of a parallel task, coalesced for the UI like the run feed.</summary>
public sealed class TaskProgressFeed : ITaskObserver
{
    private readonly object _gate = new();
    private readonly SortedDictionary<int, (double Fraction, string? Message, bool? Succeeded)> _nodes = [];
    private readonly Action<IReadOnlyList<string>> _deliver;
    private readonly UpdateThrottle _throttle;

    public TaskProgressFeed(Action<Action> post, Action<IReadOnlyList<string>> deliver, TimeSpan? interval = null, TimeProvider? time = null)
    {
        _deliver = deliver;
        _throttle = new UpdateThrottle(post, Flush, interval, time);
    }

    public void OnNodeProgress(NodeProgress progress)
    {
        lock (_gate)
        {
            _nodes[progress.Node] = (progress.Fraction, progress.Message, null);
        }

        _throttle.Signal();
    }

    public void OnNodeFinished(NodeStatistics node)
    {
        lock (_gate)
        {
            var message = $"{node.Elapsed.TotalSeconds:0.00} s, tubes {node.TubeShare:P0}";
            _nodes[node.Node] = (1, message, node.Succeeded);
        }

        _throttle.Signal(force: true);
    }

    /// <summary>One text bar per node: <c>node 0 [#####.....]  50% message</c>.</summary>
    public static string Bar(int node, double fraction, string? message, bool? succeeded, int width = 20)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        var state = succeeded switch { true => "done", false => "FAILED", null => $"{Math.Clamp(fraction, 0, 1) * 100,3:0}%" };
        return $"node {node,-2} [{new string('#', filled)}{new string('.', width - filled)}] {state} {message}".TrimEnd();
    }

    private void Flush()
    {
        string[] lines;
        lock (_gate)
        {
            lines = _nodes.Select(n => Bar(n.Key, n.Value.Fraction, n.Value.Message, n.Value.Succeeded)).ToArray();
        }

        _deliver(lines);
    }
}

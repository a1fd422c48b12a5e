using System.Diagnostics;
using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>The <see cref="ITaskContext"/> of one node: checks that the node uses only its own tubes, links pops
/// to the run's cancellation, and measures the time the node spends in tubes.</summary>
internal sealed class NodeContext : ITaskContext
{
    private readonly ITubeNetwork _network;
    private readonly ProgressThrottle _progress;
    private readonly CancellationToken _run;
    private readonly HashSet<string> _incoming;
    private readonly HashSet<string> _outgoing;
    private long _tubeTicks;

    public NodeContext(string taskId, int node, int nodeCount, ulong seed, ITubeNetwork network, TubeTopology topology, ProgressThrottle progress, CancellationToken run)
    {
        TaskId = taskId;
        NodeIndex = node;
        NodeCount = nodeCount;
        Seed = seed;
        _network = network;
        _progress = progress;
        _run = run;
        Incoming = topology.Links.Where(l => l.To == node).Select(l => l.Name).ToArray();
        Outgoing = topology.Links.Where(l => l.From == node).Select(l => l.Name).ToArray();
        _incoming = new HashSet<string>(Incoming, StringComparer.Ordinal);
        _outgoing = new HashSet<string>(Outgoing, StringComparer.Ordinal);
    }

    public string TaskId { get; }

    public int NodeIndex { get; }

    public int NodeCount { get; }

    public ulong Seed { get; }

    public IReadOnlyList<string> Incoming { get; }

    public IReadOnlyList<string> Outgoing { get; }

    public long Pushed { get; private set; }

    public long Popped { get; private set; }

    public TimeSpan TubeTime => Stopwatch.GetElapsedTime(0, _tubeTicks);

    public void Push(string tube, TaskValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Check(_outgoing, tube, "push to", Outgoing);
        var start = Stopwatch.GetTimestamp();
        _network[tube].Push(value);
        _tubeTicks += Stopwatch.GetTimestamp() - start;
        Pushed++;
    }

    public TaskValue Pop(string tube, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Check(_incoming, tube, "pop from", Incoming);
        var start = Stopwatch.GetTimestamp();
        try
        {
            TaskValue value;
            if (!cancellationToken.CanBeCanceled || cancellationToken == _run)
            {
                value = _network[tube].Pop(timeout, _run);
            }
            else
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(_run, cancellationToken);
                value = _network[tube].Pop(timeout, linked.Token);
            }

            Popped++;
            return value;
        }
        finally
        {
            _tubeTicks += Stopwatch.GetTimestamp() - start;
        }
    }

    /// <summary>Local tubes are unbounded: the push is done when this returns.</summary>
    public ValueTask PushAsync(string tube, TaskValue value, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Push(tube, value);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<TaskValue> PopAsync(string tube, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Check(_incoming, tube, "pop from", Incoming);
        var start = Stopwatch.GetTimestamp();
        try
        {
            TaskValue value;
            if (!cancellationToken.CanBeCanceled || cancellationToken == _run)
            {
                value = await _network[tube].PopAsync(timeout, _run).ConfigureAwait(false);
            }
            else
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(_run, cancellationToken);
                value = await _network[tube].PopAsync(timeout, linked.Token).ConfigureAwait(false);
            }

            Popped++;
            return value;
        }
        finally
        {
            _tubeTicks += Stopwatch.GetTimestamp() - start;
        }
    }

    public void Complete(string tube, string? error = null)
    {
        Check(_outgoing, tube, "complete", Outgoing);
        _network[tube].Complete(error);
    }

    public void ReportProgress(double fraction, string? message = null)
    {
        var clamped = double.IsNaN(fraction) ? 0 : Math.Clamp(fraction, 0, 1);
        _progress.Report(new NodeProgress(TaskId, NodeIndex, clamped, message));
    }

    private void Check(HashSet<string> allowed, string tube, string verb, IReadOnlyList<string> names)
    {
        if (!allowed.Contains(tube))
        {
            var valid = names.Count == 0 ? "it has none" : "its tubes: " + string.Join(", ", names);
            throw new ArgumentException($"node {NodeIndex} of task '{TaskId}' cannot {verb} tube '{tube}'; {valid}", nameof(tube));
        }
    }
}

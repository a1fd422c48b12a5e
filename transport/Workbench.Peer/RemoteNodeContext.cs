using System.Diagnostics;
using System.Threading.Channels;
using Google.Protobuf;
using Workbench.Contracts.Tasks;
using Workbench.Transport.Protocol;

namespace Workbench.Peer;

/// <summary>The <see cref="ITaskContext"/> of a node running on this peer: its tubes are the call's streams.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A pop takes from the tube's queue, filled by values the client relays; every pop returns one credit to the
/// sender through the client.</item>
/// <item>A push spends one credit of the tube (each tube starts with <c>tube_capacity</c>) and waits while none is
/// left, so a fast sender cannot fill a slow receiver's memory.</item>
/// <item>Before blocking, the node says on which tube and how many values or credits it has seen, which is what
/// lets the client tell a deadlock across peers from a message still on its way.</item>
/// </list>
/// </remarks>
internal sealed class RemoteNodeContext : ITaskContext
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, Inbox> _inboxes;
    private readonly Dictionary<string, Outbox> _outboxes;
    private readonly Dictionary<string, int> _senders;
    private readonly CancellationToken _run;
    private long _tubeTicks;
    private long _lastProgress;

    public RemoteNodeContext(NodeStart start, CancellationToken run)
    {
        TaskId = start.Task.Id;
        NodeIndex = start.Node;
        NodeCount = start.NodeCount;
        Seed = start.Seed;
        _run = run;
        Incoming = start.Tubes.Where(t => t.To == start.Node).Select(t => t.Name).ToArray();
        Outgoing = start.Tubes.Where(t => t.From == start.Node).Select(t => t.Name).ToArray();
        _inboxes = Incoming.ToDictionary(name => name, _ => new Inbox(), StringComparer.Ordinal);
        _senders = start.Tubes.Where(t => t.To == start.Node).ToDictionary(t => t.Name, t => t.From, StringComparer.Ordinal);
        _outboxes = Outgoing.ToDictionary(name => name, _ => new Outbox(start.TubeCapacity), StringComparer.Ordinal);
    }

    public string TaskId { get; }

    public int NodeIndex { get; }

    public int NodeCount { get; }

    public ulong Seed { get; }

    public IReadOnlyList<string> Incoming { get; }

    public IReadOnlyList<string> Outgoing { get; }

    /// <summary>What the node sends the client, in order; one writer drains it into the response stream.</summary>
    public Channel<NodeOutput> Outputs { get; } = Channel.CreateUnbounded<NodeOutput>(new UnboundedChannelOptions { SingleReader = true });

    public long Pushed { get; private set; }

    public long Popped { get; private set; }

    public TimeSpan TubeTime => Stopwatch.GetElapsedTime(0, _tubeTicks);

    /// <summary>Takes one message the client relayed: a value or the completion of an incoming tube, or credit for
    /// an outgoing one.</summary>
    public void Receive(NodeInput input)
    {
        switch (input.InputCase)
        {
            case NodeInput.InputOneofCase.Value when _inboxes.TryGetValue(input.Value.Tube, out var inbox):
                var value = TaskValueCodec.Decode(input.Value.Value.Span);
                lock (inbox)
                {
                    inbox.Values.Enqueue(value);
                    inbox.Seen++;
                    inbox.WakeLocked();
                }

                break;
            case NodeInput.InputOneofCase.Complete when _inboxes.TryGetValue(input.Complete.Tube, out var ended):
                lock (ended)
                {
                    // Counted like a value: the client's deadlock test must see it as something on its way.
                    ended.Seen++;
                    ended.Completion ??= new TubeCompletedException(input.Complete.Tube, _senders[input.Complete.Tube], input.Complete.Failed ? input.Complete.Error : null);
                    ended.WakeLocked();
                }

                break;
            case NodeInput.InputOneofCase.Credit when _outboxes.TryGetValue(input.Credit.Tube, out var outbox):
                lock (outbox)
                {
                    outbox.Credit += input.Credit.Count;
                    outbox.Seen += input.Credit.Count;
                    outbox.WakeLocked();
                }

                break;
            default:
                throw new InvalidOperationException($"node {NodeIndex} got a message for no tube of its own ({input.InputCase})");
        }
    }

    public void Push(string tube, TaskValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var outbox = OutboxOf(tube);
        var start = Stopwatch.GetTimestamp();
        lock (outbox)
        {
            Await(outbox, () => outbox.CanPush(tube, NodeIndex), new NodeWaiting { Tube = tube, Push = true, Seen = outbox.Seen }, null, _run);
            outbox.Credit--;
        }

        SendValue(tube, value, start);
    }

    public async ValueTask PushAsync(string tube, TaskValue value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var outbox = OutboxOf(tube);
        var start = Stopwatch.GetTimestamp();
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_run, cancellationToken) : null;
        await AwaitAsync(outbox, () => outbox.CanPush(tube, NodeIndex), () => outbox.Credit--, () => new NodeWaiting { Tube = tube, Push = true, Seen = outbox.Seen }, null, linked?.Token ?? _run).ConfigureAwait(false);
        SendValue(tube, value, start);
    }

    public TaskValue Pop(string tube, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var inbox = InboxOf(tube);
        var start = Stopwatch.GetTimestamp();
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_run, cancellationToken) : null;
        TaskValue value;
        lock (inbox)
        {
            Await(inbox, inbox.CanPop, new NodeWaiting { Tube = tube, Push = false, Seen = inbox.Seen }, timeout, linked?.Token ?? _run);
            value = inbox.Take();
        }

        ReturnCredit(tube, start);
        return value;
    }

    public async ValueTask<TaskValue> PopAsync(string tube, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var inbox = InboxOf(tube);
        var start = Stopwatch.GetTimestamp();
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_run, cancellationToken) : null;
        TaskValue? value = null;
        await AwaitAsync(inbox, inbox.CanPop, () => value = inbox.Take(), () => new NodeWaiting { Tube = tube, Push = false, Seen = inbox.Seen }, timeout, linked?.Token ?? _run).ConfigureAwait(false);
        ReturnCredit(tube, start);
        return value!;
    }

    public void Complete(string tube, string? error = null)
    {
        var outbox = OutboxOf(tube);
        lock (outbox)
        {
            if (outbox.Completed)
            {
                return;
            }

            outbox.Completed = true;
        }

        Send(new NodeOutput { Complete = new TubeComplete { Tube = tube, Failed = error is not null, Error = error ?? "" } });
    }

    public void ReportProgress(double fraction, string? message = null)
    {
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_lastProgress, now) < ProgressInterval && fraction < 1)
        {
            return;
        }

        _lastProgress = now;
        Send(new NodeOutput { Progress = new NodeProgress { Fraction = fraction, Message = message ?? "" } });
    }

    /// <summary>Initialises and runs the node, then sends its result.</summary>
    public void Run(IParallelTask node, TaskArguments arguments)
    {
        var started = Stopwatch.GetTimestamp();
        node.Initialize(this, arguments);
        node.Run(_run);
        var result = node.GetResult() ?? throw new InvalidOperationException("GetResult returned null");
        Send(new NodeOutput
        {
            Result = new NodeResult
            {
                Value = UnsafeByteOperations.UnsafeWrap(TaskValueCodec.Encode(result)),
                Pushed = Pushed,
                Popped = Popped,
                TubeSeconds = TubeTime.TotalSeconds,
                RunSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds,
            },
        });
    }

    private void Send(NodeOutput output) => Outputs.Writer.TryWrite(output);

    private void SendValue(string tube, TaskValue value, long start)
    {
        Send(new NodeOutput { Value = new TubeValue { Tube = tube, Value = UnsafeByteOperations.UnsafeWrap(TaskValueCodec.Encode(value)) } });
        _tubeTicks += Stopwatch.GetTimestamp() - start;
        Pushed++;
    }

    /// <summary>Every pop returns one credit to the sender through the client.</summary>
    private void ReturnCredit(string tube, long start)
    {
        Send(new NodeOutput { Credit = new TubeCredit { Tube = tube, Count = 1 } });
        _tubeTicks += Stopwatch.GetTimestamp() - start;
        Popped++;
    }

    private Inbox InboxOf(string tube) => _inboxes.TryGetValue(tube, out var found) ? found : throw Unknown(tube, "pop from", Incoming);

    private Outbox OutboxOf(string tube) => _outboxes.TryGetValue(tube, out var found) ? found : throw Unknown(tube, "push to", Outgoing);

    /// <summary>The async form of <see cref="Await"/>: the same messages to the client, but the wait is a task that a
    /// value or credit completes (<see cref="Box.WakeLocked"/>), so no thread is held. <paramref name="take"/> runs
    /// under the box's lock once <paramref name="ready"/> holds, so nothing can come between the test and the take.</summary>
    private async ValueTask AwaitAsync(Box box, Func<bool> ready, Action take, Func<NodeWaiting> waiting, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var waited = false;
        while (true)
        {
            Task signal;
            lock (box)
            {
                if (ready())
                {
                    // Resumed first: a take that throws (a completed tube) still ends the wait the client knows of.
                    if (waited)
                    {
                        Send(new NodeOutput { Resumed = true });
                    }

                    take();
                    return;
                }

                if (!waited)
                {
                    Send(new NodeOutput { Waiting = waiting() });
                    waited = true;
                }

                box.Waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                signal = box.Waiter.Task;
            }

            var left = timeout is { } limit ? limit - Stopwatch.GetElapsedTime(started) : Timeout.InfiniteTimeSpan;
            if (timeout is not null && left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"nothing arrived on tube '{waiting().Tube}' within {timeout}");
            }

            try
            {
                await signal.WaitAsync(left, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The loop takes what came at the last moment, or reports the timeout.
            }
        }
    }

    /// <summary>Waits, holding <paramref name="gate"/>'s lock, until <paramref name="ready"/>; says so to the client
    /// before blocking and after. Woken by a pulse when a value or credit arrives, and every 50 ms to notice a
    /// cancellation or the timeout.</summary>
    private void Await(object gate, Func<bool> ready, NodeWaiting waiting, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (ready())
        {
            return;
        }

        Send(new NodeOutput { Waiting = waiting });
        var started = Stopwatch.GetTimestamp();
        while (!ready())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (timeout is { } limit && Stopwatch.GetElapsedTime(started) >= limit)
            {
                throw new TimeoutException($"nothing arrived on tube '{waiting.Tube}' within {limit}");
            }

            Monitor.Wait(gate, 50);
        }

        Send(new NodeOutput { Resumed = true });
    }

    private ArgumentException Unknown(string tube, string what, IReadOnlyList<string> own) =>
        new($"node {NodeIndex} cannot {what} tube '{tube}'; its tubes: {(own.Count == 0 ? "none" : string.Join(", ", own))}", nameof(tube));

    /// <summary>A tube end's lock and what waits on it: threads in <see cref="Monitor.Wait(object, int)"/> and at
    /// most one async waiter (one node, one call per tube at a time).</summary>
    private abstract class Box
    {
        public TaskCompletionSource? Waiter { get; set; }

        /// <summary>Values (inbox) or credits (outbox) received, reported to the client when the node waits.</summary>
        public long Seen { get; set; }

        public void WakeLocked()
        {
            Monitor.PulseAll(this);
            Waiter?.TrySetResult();
            Waiter = null;
        }
    }

    private sealed class Inbox : Box
    {
        public Queue<TaskValue> Values { get; } = new();

        /// <summary>Set when the sender completed the tube: thrown by pops once the values before it are taken.</summary>
        public TubeCompletedException? Completion { get; set; }

        public bool CanPop() => Values.Count > 0 || Completion is not null;

        public TaskValue Take() => Values.Count > 0 ? Values.Dequeue() : throw Completion!;
    }

    private sealed class Outbox(int credit) : Box
    {
        public int Credit { get; set; } = credit;

        public bool Completed { get; set; }

        public bool CanPush(string tube, int node) => Completed
            ? throw new InvalidOperationException($"node {node} completed tube '{tube}' and cannot push to it any more")
            : Credit > 0;
    }
}

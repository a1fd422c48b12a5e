using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Workbench.Contracts.Tasks;
using Workbench.Engine;
using Workbench.Engine.Tasks;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Tasks;

/// <summary>Runs the nodes of a task on peers (<c>wb task run --peers</c>): one call per node, whose two streams
/// carry all the node's tubes; this machine relays values and credits between nodes (<see cref="TubeHub"/>).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Node i takes the i-th slot, counting the peers' slots round-robin; more nodes than slots share them (all
/// nodes must run at once). Each node gets the seed and arguments it would get here, so results are the same.</item>
/// <item>Tubes are bounded: a sender holds <see cref="PeerTaskSettings.TubeCapacity"/> credits per tube and gets
/// one back each time the receiver pops, so a fast producer waits instead of filling a peer's memory.</item>
/// <item>SPMD, as in MPI: a node that fails, or a peer that is lost, fails the whole task, naming the node and the
/// peer. A killed peer is noticed at once; a silent one by the HTTP/2 keep-alive pings, within about 3 s.</item>
/// <item>Cancellation (Ctrl-C) cancels every node's call, which cancels the node on its peer.</item>
/// </list>
/// </remarks>
public sealed class PeerTaskRuntime(PeerCluster cluster, PluginShipper shipper, PeerTaskSettings settings) : ITaskRuntime, IDisposable
{
    private bool _ownsCluster;

    /// <summary>A runtime over the peers named as the user gave them, probed once; disposing it closes them.</summary>
    /// <exception cref="RunSetupException">An address is malformed or the key file cannot be read.</exception>
    public static PeerTaskRuntime Open(IReadOnlyList<string> peers, Func<ClusterCredentials> credentials, Engine.Specs.IPluginFolderSource folders, PeerTaskSettings settings) =>
        new(PeerCluster.Open(peers, credentials), new PluginShipper(folders), settings) { _ownsCluster = true };

    /// <summary>Peers that answered when the runtime was opened or since.</summary>
    public IReadOnlyList<string> PeersUp => cluster.Up.Select(p => p.Name).ToArray();

    public void Dispose()
    {
        if (_ownsCluster)
        {
            cluster.Dispose();
        }
    }

    public async Task<TaskExecution> ExecuteAsync(TaskJob job, ITaskObserver? observer, CancellationToken cancellationToken)
    {
        var taskId = job.TaskId;
        TopologyValidator.Validate(taskId, job.Layout);
        var spec = job.Spec is { IsPortable: true } portable
            ? portable
            : throw new RunSetupException("peers", $"peers: task '{taskId}' is not loaded from a plugin folder, so peers cannot run its nodes; run it without peers");
        var nodes = Place(job.Layout.NodeCount);
        var hub = new TubeHub(taskId, nodes, job.Layout.Topology);
        var results = new TaskValue[nodes.Length];
        var statistics = new NodeStatistics[nodes.Length];
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var failure = new Failure();
        var started = Stopwatch.GetTimestamp();
        try
        {
            foreach (var peer in nodes.Select(n => n.Peer).Distinct())
            {
                await shipper.EnsureAsync(peer, spec, run.Token).ConfigureAwait(false);
            }

            var wire = Wire.ToWire(spec);
            var tubes = job.Layout.Topology.Links.Select(l => new Tube { Name = l.Name, From = l.From, To = l.To }).ToArray();
            var work = new List<Task>();
            foreach (var node in nodes)
            {
                var start = new NodeStart
                {
                    Task = wire,
                    Node = node.Index,
                    NodeCount = nodes.Length,
                    Seed = Contracts.Randomness.Seeds.Derive(job.Seed, "node", (ulong)node.Index),
                    TubeCapacity = settings.TubeCapacity,
                };
                start.Tubes.AddRange(tubes);
                start.Arguments.AddRange(job.Layout.NodeArguments[node.Index].Values
                    .Select(a => new NamedValue { Name = a.Key, Value = UnsafeByteOperations.UnsafeWrap(TaskValueCodec.Encode(a.Value)) }));
                node.Send(new NodeInput { Start = start });
            }

            // Every node's start is queued before any node runs: a fast node's first value must reach its
            // neighbour's call after that neighbour's start.
            foreach (var node in nodes)
            {
                node.Call = node.Peer.Client.RunNode(cancellationToken: run.Token);
                work.Add(WriteAsync(node, run.Token));
                work.Add(ReadAsync(node, hub, results, statistics, observer, failure, run));
            }

            var all = Task.WhenAll(work);
            var timeout = settings.Timeout is { } limit ? Task.Delay(limit, run.Token) : Task.Delay(Timeout.Infinite, run.Token);
            if (await Task.WhenAny(all, timeout).ConfigureAwait(false) != all && !run.IsCancellationRequested)
            {
                failure.Set(new ParallelTaskException(taskId, null, $"task '{taskId}' did not finish within {settings.Timeout}: {string.Join("; ", hub.Snapshot())}"));
                run.Cancel();
            }

            await Task.WhenAll(work.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }
        catch (PeerUnavailableException e)
        {
            failure.Set(new ParallelTaskException(taskId, null, $"task '{taskId}': {e.Message}"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }

        if (failure.Error is { } error)
        {
            throw error;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new TaskExecution(results, statistics, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Node i on the i-th slot, the peers' slots counted round-robin, wrapping when nodes outnumber slots.</summary>
    private RemoteNode[] Place(int count)
    {
        var slots = cluster.SlotsRoundRobin();
        if (slots.Count == 0)
        {
            throw new RunSetupException("peers", $"peers: no peer can take the task's nodes ({cluster.Reasons()})");
        }

        return Enumerable.Range(0, count).Select(i => new RemoteNode(i, slots[i % slots.Count])).ToArray();
    }

    private static async Task WriteAsync(RemoteNode node, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var input in node.Inputs.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await node.Call!.RequestStream.WriteAsync(input, cancellationToken).ConfigureAwait(false);
            }

            await node.Call!.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException or InvalidOperationException)
        {
            // The call ended: its reader reports why.
        }
    }

    private static async Task ReadAsync(RemoteNode node, TubeHub hub, TaskValue[] results, NodeStatistics[] statistics, ITaskObserver? observer, Failure failure, CancellationTokenSource run)
    {
        var taskId = hub.TaskId;
        try
        {
            var stream = node.Call!.ResponseStream;
            while (await stream.MoveNext(run.Token).ConfigureAwait(false))
            {
                var output = stream.Current;
                switch (output.OutputCase)
                {
                    case NodeOutput.OutputOneofCase.Progress:
                        lock (hub)
                        {
                            observer?.OnNodeProgress(new Engine.Tasks.NodeProgress(taskId, node.Index, output.Progress.Fraction, output.Progress.Message.Length == 0 ? null : output.Progress.Message));
                        }

                        break;
                    case NodeOutput.OutputOneofCase.Result:
                        var result = output.Result;
                        results[node.Index] = TaskValueCodec.Decode(result.Value.Span);
                        statistics[node.Index] = new NodeStatistics(node.Index, true, TimeSpan.FromSeconds(result.RunSeconds), TimeSpan.FromSeconds(result.TubeSeconds), result.Pushed, result.Popped);
                        lock (hub)
                        {
                            observer?.OnNodeFinished(statistics[node.Index]);
                        }

                        node.Inputs.Writer.TryComplete();
                        Deadlocked(hub.Finished(node.Index));
                        break;
                    default:
                        Deadlocked(hub.Route(node.Index, output));
                        break;
                }
            }

            if (results[node.Index] is null && !run.IsCancellationRequested)
            {
                throw new InvalidOperationException($"node {node.Index} on peer {node.Peer.Name} ended without a result");
            }
        }
        catch (RpcException e) when (!run.IsCancellationRequested || e.StatusCode != StatusCode.Cancelled)
        {
            failure.Set(e.StatusCode == StatusCode.Aborted
                ? new ParallelTaskException(taskId, node.Index, $"task '{taskId}' failed on node {node.Index} of {results.Length} (peer {node.Peer.Name}): {e.Status.Detail}")
                : new ParallelTaskException(taskId, node.Index, $"task '{taskId}' lost node {node.Index} of {results.Length} with peer {node.Peer.Name} ({node.Peer.Address}): {PeerConnection.Describe(e)}; nodes: {string.Join("; ", hub.Snapshot())}"));
            run.Cancel();
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Another node failed, the task timed out or the user stopped it: the cause is recorded elsewhere.
        }
        catch (Exception e) when (e is InvalidOperationException or TaskDeadlockException)
        {
            failure.Set(e);
            run.Cancel();
        }

        void Deadlocked(IReadOnlyList<NodeWait>? waits)
        {
            if (waits is not null)
            {
                throw new TaskDeadlockException(hub.TaskId, waits);
            }
        }
    }

    /// <summary>The first failure of a task run; later ones are its consequences.</summary>
    private sealed class Failure
    {
        private Exception? _error;

        public Exception? Error => Volatile.Read(ref _error);

        public void Set(Exception error) => Interlocked.CompareExchange(ref _error, error, null);
    }
}

/// <summary>How tasks run on peers.</summary>
public sealed record PeerTaskSettings
{
    /// <summary>Values a tube holds between a push and its pop (the credit each sender starts with).</summary>
    public int TubeCapacity { get; init; } = 64;

    /// <summary>Wall-clock limit for the whole task; null for none (deadlocks are still found).</summary>
    public TimeSpan? Timeout { get; init; }
}

using Grpc.Core;
using Microsoft.Extensions.Logging;
using Workbench.Contracts.Tasks;
using Workbench.Engine;
using Workbench.Engine.Diagnostics;
using Workbench.Engine.Specs;
using Workbench.Transport;
using Workbench.Transport.Protocol;

namespace Workbench.Peer;

/// <summary>Nodes of parallel tasks on this peer: one call per node, as long as the node runs.</summary>
/// <remarks>A node takes no slot from the gate: the nodes of a task must all run at once (they wait on each other),
/// so a node queued behind a busy slot could hang the whole task. The client places nodes by the slots peers
/// share; a peer given more nodes than slots runs them all, oversubscribed.</remarks>
internal sealed partial class PeerService
{
    public override async Task RunNode(IAsyncStreamReader<NodeInput> requestStream, IServerStreamWriter<NodeOutput> responseStream, ServerCallContext context)
    {
        Admit(context, work: true);
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken).ConfigureAwait(false) || requestStream.Current.InputCase != NodeInput.InputOneofCase.Start)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "malformed node call: the first message must start the node"));
        }

        var start = requestStream.Current.Start;
        var spec = Parse(() => Wire.FromWire(start.Task));
        var task = Attributed(() => pool.Task(spec), spec);
        var node = Attributed(() => PluginCall.Create(task.Origin, $"task '{spec.Id}' (CreateNode)", task.Factory.CreateNode), spec);
        var arguments = Parse(() => new TaskArguments(start.Arguments.Select(a => KeyValuePair.Create(a.Name, TaskValueCodec.Decode(a.Value.Span)))));
        using var running = state.NodeRunning();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remote = new RemoteNodeContext(start, run.Token);
        var writer = WriteAllAsync(remote, responseStream, cancellationToken);
        var reader = ReadAllAsync(remote, requestStream, run);
        // A thread of its own: nodes block in pops and pushes for long stretches.
        var body = Task.Factory.StartNew(() => remote.Run(node, arguments), run.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await body.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Cancel();
            throw new RpcException(new Status(StatusCode.Aborted, $"peer {state.Options.Name}: node {start.Node}: {e.GetType().Name}: {Transport.Client.PeerConnection.OneLine(e.Message)}"));
        }
        finally
        {
            remote.Outputs.Writer.TryComplete();
            // No read may outlive the call: Kestrel reuses a finished stream's objects for the next request, and a
            // read still pending on them fails that request ("reading is already in progress").
            await run.CancelAsync().ConfigureAwait(false);
            await reader.ConfigureAwait(false);
        }

        await writer.ConfigureAwait(false);
    }

    private static async Task WriteAllAsync(RemoteNodeContext node, IServerStreamWriter<NodeOutput> stream, CancellationToken cancellationToken)
    {
        await foreach (var output in node.Outputs.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await stream.WriteAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Relays the client's messages to the node; when the client goes away first, the node is cancelled.</summary>
    private static async Task ReadAllAsync(RemoteNodeContext node, IAsyncStreamReader<NodeInput> stream, CancellationTokenSource run)
    {
        try
        {
            while (await stream.MoveNext(run.Token).ConfigureAwait(false))
            {
                node.Receive(stream.Current);
            }
        }
        catch (Exception e)
        {
            var logger = WorkbenchLog.For<PeerService>();
            logger.LogDebug(e, "a task node's input stream ended; the node is cancelled");
            // The call ended or broke: the node cannot talk to anyone any more.
            run.Cancel();
        }
    }
}

using System.Threading.Channels;
using Grpc.Core;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Tasks;

/// <summary>One node of a task running on a peer, as the client sees it: its call, the messages queued for it (one
/// writer keeps them in order), and what it is doing now.</summary>
internal sealed class RemoteNode(int index, PeerConnection peer) : IDisposable
{
    public int Index { get; } = index;

    public PeerConnection Peer { get; } = peer;

    public AsyncDuplexStreamingCall<NodeInput, NodeOutput>? Call { get; set; }

    public Channel<NodeInput> Inputs { get; } = Channel.CreateUnbounded<NodeInput>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The wait the node last reported, or null while it runs.</summary>
    public NodeWaiting? Waiting { get; set; }

    public bool Finished { get; set; }

    public void Send(NodeInput input) => Inputs.Writer.TryWrite(input);

    public void Dispose() => Call?.Dispose();
}

using Google.Protobuf;
using Grpc.Core;
using Workbench.Contracts.Tasks;
using Workbench.Engine;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Mapping;

/// <summary>One chunk of map jobs run on a peer: inputs go as <see cref="TaskValueCodec"/> bytes, outputs come back
/// the same way, each job's own failure as its error text.</summary>
public static class RemoteJobs
{
    /// <summary>The outcome of one job on a peer.</summary>
    public sealed record Outcome(int Index, TaskValue? Output, string? Error, double Seconds);

    /// <exception cref="PeerUnavailableException">The peer was lost or refused (the chunk is to be retried elsewhere).</exception>
    /// <exception cref="PluginFailureException">The job's plugin could not be created on the peer.</exception>
    public static async Task<IReadOnlyList<Outcome>> RunAsync(PeerConnection peer, PluginShipper shipper, Engine.Specs.ComponentSpec job,
        IReadOnlyList<(int Index, TaskValue Input)> chunk, CancellationToken cancellationToken)
    {
        await shipper.EnsureAsync(peer, job, cancellationToken).ConfigureAwait(false);
        var request = new RunJobsRequest { Job = Wire.ToWire(job) };
        foreach (var (index, input) in chunk)
        {
            request.Inputs.Add(new JobInput { Index = index, Value = UnsafeByteOperations.UnsafeWrap(TaskValueCodec.Encode(input)) });
        }

        RunJobsReply reply;
        try
        {
            reply = await peer.Call(c => c.RunJobsAsync(request, cancellationToken: cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && e.Trailers.GetValue(ProtocolHeaders.MissingPlugin) is { } missing)
        {
            shipper.Forget(peer, missing);
            throw new PeerUnavailableException(peer, "had to be sent the job's plugin again", permanent: false);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Aborted or StatusCode.FailedPrecondition or StatusCode.InvalidArgument)
        {
            throw new PluginFailureException(job.Id, e.Status.Detail);
        }

        if (reply.Outputs.Count != chunk.Count)
        {
            throw new PeerUnavailableException(peer, $"answered {reply.Outputs.Count} outputs for {chunk.Count} jobs", permanent: true);
        }

        return reply.Outputs.Select(o => new Outcome(o.Index, o.Error.Length > 0 ? null : TaskValueCodec.Decode(o.Value.Span), o.Error.Length > 0 ? o.Error : null, o.Seconds)).ToArray();
    }
}

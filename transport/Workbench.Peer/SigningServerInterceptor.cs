using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Workbench.Transport.Security;

namespace Workbench.Peer;

/// <summary>Refuses every request that is not signed with the cluster key, is stale, or replays a nonce seen in
/// the window; signs every response. Each refusal is one log line that names the method, the caller and the
/// reason, and never holds key material.</summary>
internal sealed class SigningServerInterceptor(MessageSigner signer, NonceCache nonces, TimeProvider time, ILogger<SigningServerInterceptor> log)
    : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var (_, nonce) = Admit(context, (IMessage)request!);
        var response = await continuation(request, context).ConfigureAwait(false);
        var timestamp = MessageSigner.NowMs(time);
        var responseNonce = MessageSigner.NewNonce();
        context.ResponseTrailers.Add(MessageSigner.TimestampHeader, MessageSigner.Format(timestamp));
        context.ResponseTrailers.Add(MessageSigner.NonceHeader, responseNonce);
        context.ResponseTrailers.Add(MessageSigner.MacHeader,
            signer.Sign(true, context.Method, timestamp, responseNonce, nonce, (IMessage)response));
        return response;
    }

    /// <summary>A server-streaming call: its request is checked as a unary one; every response is signed.</summary>
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (timestamp, nonce) = Admit(context, (IMessage)request!);
        var signed = new SignedServerStreamWriter<TResponse>(responseStream, new StreamMacs(signer, context.Method, timestamp, nonce, fromPeer: true));
        return continuation(request, signed, context);
    }

    /// <summary>A duplex call: its opening is checked (signed over no message), then every message each way.</summary>
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (timestamp, nonce) = Admit(context, null);
        var requests = new VerifiedStreamReader<TRequest>(requestStream, new StreamMacs(signer, context.Method, timestamp, nonce, fromPeer: false));
        var responses = new SignedServerStreamWriter<TResponse>(responseStream, new StreamMacs(signer, context.Method, timestamp, nonce, fromPeer: true));
        return continuation(requests, responses, context);
    }

    /// <summary>No method of the protocol streams only requests; one added later must get its own check first.</summary>
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, $"{context.Method}: client-streaming calls are not signed, so this peer refuses them"));

    /// <summary>Checks a call's opening; refuses it (one log line, no key material) when unsigned, stale, replayed
    /// or wrongly signed.</summary>
    private (long Timestamp, string Nonce) Admit(ServerCallContext context, IMessage? body)
    {
        var nonce = CallHeaders.Get(context, MessageSigner.NonceHeader);
        var timestampText = CallHeaders.Get(context, MessageSigner.TimestampHeader);
        var reason = Check(context.Method, body, nonce, timestampText, CallHeaders.Get(context, MessageSigner.MacHeader), out var timestamp);
        if (reason is not null)
        {
            PeerLog.Refused(log, context.Method, context.Peer, reason);
            throw new RpcException(new Status(StatusCode.Unauthenticated, reason));
        }

        return (timestamp, nonce!);
    }

    private string? Check(string method, IMessage? body, string? nonce, string? timestampText, string? mac, out long timestamp)
    {
        timestamp = 0;
        if (mac is null || nonce is null || !MessageSigner.TryParse(timestampText, out timestamp))
        {
            return "request not signed: this peer needs the cluster key";
        }

        var skew = Math.Abs(MessageSigner.NowMs(time) - timestamp);
        if (skew > MessageSigner.Window.TotalMilliseconds)
        {
            return $"stale timestamp: {skew / 1000.0:F0} s from this peer's clock (the limit is {MessageSigner.Window.TotalSeconds:F0} s; check the clocks)";
        }

        if (!(body is null
            ? signer.Verify(false, method, timestamp, nonce, null, ReadOnlySpan<byte>.Empty, mac)
            : signer.Verify(false, method, timestamp, nonce, null, body, mac)))
        {
            return "bad signature: another cluster key, or the message was altered";
        }

        return nonces.TryRecord(nonce, timestamp) ? null : "replayed request: this nonce was already used";
    }
}

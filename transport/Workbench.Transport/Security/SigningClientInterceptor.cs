using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Workbench.Transport.Security;

/// <summary>Adds the client's session and contract version to every request; with a key (the default) also signs
/// every request and verifies every response's signature. A response whose MAC is missing or wrong is an
/// <see cref="StatusCode.Unauthenticated"/> error: its content is never used.</summary>
/// <remarks>The MAC covers the protobuf bytes of the message; both ends serialise with Google.Protobuf, whose
/// output for a given message is canonical, so the receiver re-serialises what it parsed and gets the same bytes.</remarks>
public sealed class SigningClientInterceptor(MessageSigner? signer, string clientSession, TimeProvider? time = null) : Interceptor
{
    public const string ClientHeader = "wb-client";

    private static readonly string ContractText = Contracts.WorkbenchContract.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var method = context.Method.FullName;
        var (headers, opening) = Open(context, (IMessage)request);
        var call = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        return signer is null || opening is not { } signed
            ? call
            : new AsyncUnaryCall<TResponse>(VerifiedAsync(signer, call, method, signed.Nonce), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    /// <summary>A server-streaming call: the request is signed as a unary one; every streamed response is checked.</summary>
    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var (headers, opening) = Open(context, (IMessage)request);
        var call = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        if (signer is null || opening is not { } signed)
        {
            return call;
        }

        var responses = new VerifiedStreamReader<TResponse>(call.ResponseStream, new StreamMacs(signer, context.Method.FullName, signed.Timestamp, signed.Nonce, fromPeer: true));
        return new AsyncServerStreamingCall<TResponse>(responses, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    /// <summary>A duplex call: its opening is signed (over no message), then every message each way.</summary>
    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var (headers, opening) = Open(context, null);
        var call = continuation(new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        if (signer is null || opening is not { } signed)
        {
            return call;
        }

        var method = context.Method.FullName;
        var requests = new SignedClientStreamWriter<TRequest>(call.RequestStream, new StreamMacs(signer, method, signed.Timestamp, signed.Nonce, fromPeer: false));
        var responses = new VerifiedStreamReader<TResponse>(call.ResponseStream, new StreamMacs(signer, method, signed.Timestamp, signed.Nonce, fromPeer: true));
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(requests, responses, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    /// <summary>The headers every call carries (session, contract) and, with a key, the signature of its opening.</summary>
    private (Metadata Headers, (long Timestamp, string Nonce)? Signed) Open<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, IMessage? body)
        where TRequest : class
        where TResponse : class
    {
        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            headers.Add(entry);
        }

        headers.Add(ClientHeader, clientSession);
        headers.Add(ProtocolHeaders.Contract, ContractText);
        if (signer is null)
        {
            return (headers, null);
        }

        var timestamp = MessageSigner.NowMs(_time);
        var nonce = MessageSigner.NewNonce();
        headers.Add(MessageSigner.TimestampHeader, MessageSigner.Format(timestamp));
        headers.Add(MessageSigner.NonceHeader, nonce);
        headers.Add(MessageSigner.MacHeader, (body is null
            ? signer.Sign(false, context.Method.FullName, timestamp, nonce, null, ReadOnlySpan<byte>.Empty)
            : signer.Sign(false, context.Method.FullName, timestamp, nonce, null, body)));
        return (headers, (timestamp, nonce));
    }

    private static async Task<TResponse> VerifiedAsync<TResponse>(MessageSigner signer, AsyncUnaryCall<TResponse> call, string method, string requestNonce)
    {
        var response = await call.ResponseAsync.ConfigureAwait(false);
        var trailers = call.GetTrailers();
        var mac = trailers.GetValue(MessageSigner.MacHeader);
        var nonce = trailers.GetValue(MessageSigner.NonceHeader);
        if (mac is null || nonce is null || !MessageSigner.TryParse(trailers.GetValue(MessageSigner.TimestampHeader), out var timestamp))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the peer's response is not signed (is it running with --insecure?)"));
        }

        if (!signer.Verify(true, method, timestamp, nonce, requestNonce, (IMessage)response!, mac))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the peer's response signature is wrong (another cluster key, or the message was altered)"));
        }

        return response;
    }
}

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
        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            headers.Add(entry);
        }

        headers.Add(ClientHeader, clientSession);
        headers.Add(ProtocolHeaders.Contract, ContractText);
        if (signer is null)
        {
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        }

        var timestamp = MessageSigner.NowMs(_time);
        var nonce = MessageSigner.NewNonce();
        headers.Add(MessageSigner.TimestampHeader, MessageSigner.Format(timestamp));
        headers.Add(MessageSigner.NonceHeader, nonce);
        headers.Add(MessageSigner.MacHeader, signer.Sign(false, method, timestamp, nonce, null, ((IMessage)request).ToByteArray()));
        var signed = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
        var call = continuation(request, signed);
        return new AsyncUnaryCall<TResponse>(VerifiedAsync(signer, call, method, nonce), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
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

        if (!signer.Verify(true, method, timestamp, nonce, requestNonce, ((IMessage)response!).ToByteArray(), mac))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the peer's response signature is wrong (another cluster key, or the message was altered)"));
        }

        return response;
    }
}

using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Workbench.Transport.Security;

/// <summary>Signs and checks the messages of one direction of a streaming call, so streams keep the promise that
/// every message is signed: each carries in its <c>mac</c> field an HMAC over the call's method, timestamp and
/// nonce (those of the signed call opening), its direction, its position in the stream, and its bytes.</summary>
/// <remarks>The position makes a dropped, repeated or reordered message fail the check; the call's nonce ties the
/// message to its call, so it cannot be replayed into another.</remarks>
public sealed class StreamMacs(MessageSigner signer, string method, long timestampMs, string nonce, bool fromPeer)
{
    private long _next;

    /// <summary>Sets the message's MAC for the next position of this direction.</summary>
    public void Sign(IMessage message)
    {
        var field = MacField(message);
        field.Accessor.Clear(message);
        var mac = signer.Sign(fromPeer, Position(), timestampMs, nonce, null, message);
        field.Accessor.SetValue(message, ByteString.FromBase64(mac));
    }

    /// <summary>Checks the message's MAC for the next position of this direction.</summary>
    /// <exception cref="RpcException">Unauthenticated: the MAC is missing or wrong.</exception>
    public void Verify(IMessage message)
    {
        var field = MacField(message);
        var mac = (ByteString)field.Accessor.GetValue(message);
        field.Accessor.Clear(message);
        if (mac.Length == 0 || !signer.Verify(fromPeer, Position(), timestampMs, nonce, null, message, mac.ToBase64()))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"a streamed message is not signed or its signature is wrong (another cluster key, or the stream was altered)"));
        }
    }

    private string Position() => $"{method}#{Interlocked.Increment(ref _next)}";

    private static FieldDescriptor MacField(IMessage message) =>
        message.Descriptor.FindFieldByName("mac") ?? throw new InvalidOperationException($"{message.Descriptor.Name} has no mac field, so it cannot be streamed");
}

/// <summary>A stream reader that checks every message's MAC before handing it on.</summary>
internal sealed class VerifiedStreamReader<T>(IAsyncStreamReader<T> inner, StreamMacs macs) : IAsyncStreamReader<T>
    where T : class
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        macs.Verify((IMessage)inner.Current);
        return true;
    }
}

/// <summary>A server stream writer that signs every message it writes.</summary>
internal sealed class SignedServerStreamWriter<T>(IServerStreamWriter<T> inner, StreamMacs macs) : IServerStreamWriter<T>
    where T : class
{
    public WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public Task WriteAsync(T message)
    {
        macs.Sign((IMessage)message);
        return inner.WriteAsync(message);
    }

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        macs.Sign((IMessage)message);
        return inner.WriteAsync(message, cancellationToken);
    }
}

/// <summary>A client stream writer that signs every message it writes.</summary>
internal sealed class SignedClientStreamWriter<T>(IClientStreamWriter<T> inner, StreamMacs macs) : IClientStreamWriter<T>
    where T : class
{
    public WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public Task CompleteAsync() => inner.CompleteAsync();

    public Task WriteAsync(T message)
    {
        macs.Sign((IMessage)message);
        return inner.WriteAsync(message);
    }

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        macs.Sign((IMessage)message);
        return inner.WriteAsync(message, cancellationToken);
    }
}

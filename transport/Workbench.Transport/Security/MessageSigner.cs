using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace Workbench.Transport.Security;

/// <summary>HMAC-SHA256 over a call's direction, method, timestamp, nonce (and, for a response, the request's
/// nonce, so a response cannot be replayed as the answer to another request) and message bytes.</summary>
public sealed class MessageSigner(ClusterKey key)
{
    /// <summary>How far a timestamp may be from this machine's clock, either way; also how long nonces are kept.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public const string TimestampHeader = "wb-ts";
    public const string NonceHeader = "wb-nonce";
    public const string MacHeader = "wb-mac";

    public const int NonceBytes = 16;

    /// <summary>One keyed HMAC context per thread, reset after each use: a one-shot HMAC sets up its context
    /// afresh every time, which costs about 1 µs of the four MACs each round trip computes.</summary>
    private readonly ThreadLocal<IncrementalHash> _hmac = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Material));

    public static string NewNonce()
    {
        Span<byte> nonce = stackalloc byte[NonceBytes];
        RandomNumberGenerator.Fill(nonce);
        return Convert.ToHexStringLower(nonce);
    }

    public string Sign(bool response, string method, long timestampMs, string nonce, string? requestNonce, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        Compute(response, method, timestampMs, nonce, requestNonce, null, body, mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary><see cref="Sign(bool, string, long, string, string?, ReadOnlySpan{byte})"/> over a message's protobuf
    /// bytes, serialised straight into the pooled buffer that is hashed (no copy of a large message is made).</summary>
    public string Sign(bool response, string method, long timestampMs, string nonce, string? requestNonce, IMessage message)
    {
        Span<byte> mac = stackalloc byte[32];
        Compute(response, method, timestampMs, nonce, requestNonce, message, [], mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary><see cref="Verify(bool, string, long, string, string?, ReadOnlySpan{byte}, string?)"/> over a message's
    /// protobuf bytes.</summary>
    public bool Verify(bool response, string method, long timestampMs, string nonce, string? requestNonce, IMessage message, string? received) =>
        Verify(response, method, timestampMs, nonce, requestNonce, message, [], received);

    /// <summary>Constant-time comparison of a received MAC with the one computed here.</summary>
    public bool Verify(bool response, string method, long timestampMs, string nonce, string? requestNonce, ReadOnlySpan<byte> body, string? received) =>
        Verify(response, method, timestampMs, nonce, requestNonce, null, body, received);

    private bool Verify(bool response, string method, long timestampMs, string nonce, string? requestNonce, IMessage? message, ReadOnlySpan<byte> body, string? received)
    {
        if (received is null)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (!Convert.TryFromBase64String(received, given, out var written) || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        Compute(response, method, timestampMs, nonce, requestNonce, message, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public static long NowMs(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();

    public static string Format(long timestampMs) => timestampMs.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long timestampMs) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out timestampMs);

    /// <summary>HMAC over the fields laid out in one pooled buffer, with this thread's reusable context.
    /// The body is <paramref name="message"/>'s protobuf bytes when given, else <paramref name="body"/>.</summary>
    private void Compute(bool response, string method, long timestampMs, string nonce, string? requestNonce, IMessage? message, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        var head = response ? "wb-response\n"u8 : "wb-request\n"u8;
        var bodyLength = message?.CalculateSize() ?? body.Length;
        var length = head.Length + Encoding.UTF8.GetByteCount(method) + 1 + 8 + nonce.Length + 1 + (requestNonce?.Length ?? 0) + 1 + bodyLength;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan(0, length);
            var at = 0;
            head.CopyTo(buffer);
            at += head.Length;
            at += Encoding.UTF8.GetBytes(method, buffer[at..]);
            buffer[at++] = (byte)'\n';
            BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], timestampMs);
            at += 8;
            at += Encoding.ASCII.GetBytes(nonce, buffer[at..]);
            buffer[at++] = (byte)'\n';
            at += Encoding.ASCII.GetBytes(requestNonce ?? "", buffer[at..]);
            buffer[at++] = (byte)'\n';
            if (message is null)
            {
                body.CopyTo(buffer[at..]);
            }
            else
            {
                message.WriteTo(buffer.Slice(at, bodyLength));
            }

            var hmac = _hmac.Value!;
            hmac.AppendData(buffer);
            hmac.GetHashAndReset(mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

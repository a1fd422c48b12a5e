using System.Buffers.Binary;
using System.Numerics;

namespace Workbench.Engine.Specs;

/// <summary>SHA-256 (FIPS 180-4) in managed code, for the identities of plugin files: the same digests as
/// <see cref="System.Security.Cryptography.SHA256"/>.</summary>
/// <remarks>Why not the platform's: on Linux it calls OpenSSL, whose first use in a process (loading libssl and
/// libcrypto, reading openssl.cnf, fetching the digest from a provider) cost about 15 ms of every <c>wb run</c>, which
/// hashes its plugins before it loads them; hashing them here costs well under a millisecond for a built-in plugin
/// (about 5 ms a megabyte). The bytes hashed are public, so nothing here is secret; HMAC and everything keyed stay on
/// the platform. Tests check it against the FIPS 180-4 examples and against the platform on many lengths.</remarks>
public sealed class Sha256
{
    /// <summary>The digest's length in bytes.</summary>
    public const int HashSize = 32;

    private const int BlockSize = 64;

    // The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _state = new uint[8];
    private readonly uint[] _schedule = new uint[64];
    private readonly byte[] _pending = new byte[BlockSize];
    private int _pendingLength;
    private long _length;

    public Sha256() => Reset();

    /// <summary>The digest of <paramref name="data"/>.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var sha = new Sha256();
        sha.Append(data);
        return sha.GetHashAndReset();
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _length += data.Length;
        if (_pendingLength > 0)
        {
            var take = Math.Min(BlockSize - _pendingLength, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < BlockSize)
            {
                return;
            }

            Compress(_pending);
            _pendingLength = 0;
        }

        for (; data.Length >= BlockSize; data = data[BlockSize..])
        {
            Compress(data[..BlockSize]);
        }

        data.CopyTo(_pending);
        _pendingLength = data.Length;
    }

    /// <summary>The digest of everything appended since the last reset, and a reset.</summary>
    public byte[] GetHashAndReset()
    {
        // Padding (5.1.1): a one bit, zeros to 56 bytes into a block, then the message length in bits, big-endian.
        var bits = _length * 8;
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        _pending.AsSpan(0, _pendingLength).CopyTo(tail);
        tail[_pendingLength] = 0x80;
        var total = _pendingLength + 1 + 8 <= BlockSize ? BlockSize : 2 * BlockSize;
        tail[(_pendingLength + 1)..(total - 8)].Clear();
        BinaryPrimitives.WriteInt64BigEndian(tail[(total - 8)..], bits);
        for (var offset = 0; offset < total; offset += BlockSize)
        {
            Compress(tail.Slice(offset, BlockSize));
        }

        var digest = new byte[HashSize];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(4 * i), _state[i]);
        }

        Reset();
        return digest;
    }

    private void Reset()
    {
        // The first 32 bits of the fractional parts of the square roots of the first 8 primes (5.3.3).
        ReadOnlySpan<uint> initial = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        initial.CopyTo(_state);
        _pendingLength = 0;
        _length = 0;
    }

    /// <summary>One 64-byte block (6.2.2).</summary>
    private void Compress(ReadOnlySpan<byte> block)
    {
        var w = _schedule;
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        var (a, b, c, d, e, f, g, h) = (_state[0], _state[1], _state[2], _state[3], _state[4], _state[5], _state[6], _state[7]);
        for (var t = 0; t < 64; t++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choose = (e & f) ^ (~e & g);
            var t1 = h + sum1 + choose + K[t] + w[t];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var t2 = sum0 + majority;
            (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
        }

        _state[0] += a;
        _state[1] += b;
        _state[2] += c;
        _state[3] += d;
        _state[4] += e;
        _state[5] += f;
        _state[6] += g;
        _state[7] += h;
    }
}

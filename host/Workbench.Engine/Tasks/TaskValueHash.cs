using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>Fingerprints of task values for reproducibility checks (<c>wb task run</c> prints it).</summary>
public static class TaskValueHash
{
    /// <summary>Lower-case hex SHA-256 of the value's fixed binary encoding (kind byte included).</summary>
    /// <remarks>On little-endian machines a real array's encoding is its 5-byte header followed by the array's own
    /// bytes, so those are hashed in place instead of first copying a whole field into an encoded buffer.</remarks>
    public static string Sha256(TaskValue value)
    {
        if (value.Kind != TaskValueKind.RealArray || !BitConverter.IsLittleEndian)
        {
            return Convert.ToHexStringLower(SHA256.HashData(TaskValueCodec.Encode(value)));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[5];
        header[0] = (byte)value.Kind;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], value.Length);
        hash.AppendData(header);
        hash.AppendData(MemoryMarshal.AsBytes(value.AsReals()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

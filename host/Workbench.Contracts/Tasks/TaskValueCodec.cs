using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Workbench.Contracts.Tasks;

/// <summary>The binary form of a <see cref="TaskValue"/>: one kind byte, then the payload in little-endian order
/// (a 32-bit element count before arrays and UTF-8 text). A network transport sends exactly these bytes, and
/// hashes of results are taken over them, so the format is fixed: extend it only with new kind numbers.</summary>
public static class TaskValueCodec
{
    public static byte[] Encode(TaskValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind switch
        {
            TaskValueKind.Real => Scalar(value.Kind, BitConverter.DoubleToInt64Bits(value.AsReal())),
            TaskValueKind.Integer => Scalar(value.Kind, value.AsInteger()),
            TaskValueKind.Boolean => [(byte)value.Kind, value.AsBoolean() ? (byte)1 : (byte)0],
            TaskValueKind.Text => Array(value.Kind, Encoding.UTF8.GetByteCount(value.AsText()), Encoding.UTF8.GetBytes(value.AsText())),
            TaskValueKind.RealArray => Array(value.Kind, value.Length, MemoryMarshal.AsBytes(value.AsReals())),
            TaskValueKind.SingleArray => Array(value.Kind, value.Length, MemoryMarshal.AsBytes(value.AsSingles())),
            TaskValueKind.IntegerArray => Array(value.Kind, value.Length, MemoryMarshal.AsBytes(value.AsIntegers())),
            TaskValueKind.Bytes => Array(value.Kind, value.Length, value.AsBytes()),
            _ => throw new InvalidOperationException($"unknown kind {value.Kind}"),
        };
    }

    /// <exception cref="FormatException">The bytes are not a whole, valid encoded value.</exception>
    public static TaskValue Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new FormatException("an encoded task value needs at least one byte");
        }

        var kind = (TaskValueKind)data[0];
        var body = data[1..];
        return kind switch
        {
            TaskValueKind.Real => TaskValue.FromReal(BitConverter.Int64BitsToDouble(ReadScalar(body))),
            TaskValueKind.Integer => TaskValue.FromInteger(ReadScalar(body)),
            TaskValueKind.Boolean when body.Length == 1 && body[0] <= 1 => TaskValue.FromBoolean(body[0] == 1),
            TaskValueKind.Text => TaskValue.FromText(Encoding.UTF8.GetString(Payload(body, 1))),
            TaskValueKind.RealArray => TaskValue.FromReals(MemoryMarshal.Cast<byte, double>(Payload(body, sizeof(double)))),
            TaskValueKind.SingleArray => TaskValue.FromSingles(MemoryMarshal.Cast<byte, float>(Payload(body, sizeof(float)))),
            TaskValueKind.IntegerArray => TaskValue.FromIntegers(MemoryMarshal.Cast<byte, int>(Payload(body, sizeof(int)))),
            TaskValueKind.Bytes => TaskValue.FromBytes(Payload(body, 1)),
            _ => throw new FormatException($"unknown task value kind {(byte)kind}"),
        };
    }

    private static byte[] Scalar(TaskValueKind kind, long bits)
    {
        var result = new byte[9];
        result[0] = (byte)kind;
        BinaryPrimitives.WriteInt64LittleEndian(result.AsSpan(1), bits);
        return result;
    }

    private static byte[] Array(TaskValueKind kind, int count, ReadOnlySpan<byte> payload)
    {
        var result = new byte[5 + payload.Length];
        result[0] = (byte)kind;
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(1), count);
        payload.CopyTo(result.AsSpan(5));
        FixEndianness(kind, result.AsSpan(5));
        return result;
    }

    private static long ReadScalar(ReadOnlySpan<byte> body) =>
        body.Length == 8 ? BinaryPrimitives.ReadInt64LittleEndian(body) : throw new FormatException("a scalar task value has 8 bytes");

    private static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> body, int elementSize)
    {
        if (body.Length < 4)
        {
            throw new FormatException("an array task value starts with a 4-byte count");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(body);
        var payload = body[4..];
        if (count < 0 || (long)count * elementSize != payload.Length)
        {
            throw new FormatException($"an array task value of {count} elements needs {(long)count * elementSize} bytes, not {payload.Length}");
        }

        if (BitConverter.IsLittleEndian || elementSize == 1)
        {
            return payload;
        }

        var copy = payload.ToArray();
        ReverseElements(copy, elementSize);
        return copy;
    }

    private static void FixEndianness(TaskValueKind kind, Span<byte> payload)
    {
        var size = kind switch
        {
            TaskValueKind.RealArray => 8,
            TaskValueKind.SingleArray or TaskValueKind.IntegerArray => 4,
            _ => 1,
        };
        if (!BitConverter.IsLittleEndian && size > 1)
        {
            ReverseElements(payload, size);
        }
    }

    private static void ReverseElements(Span<byte> data, int size)
    {
        for (var i = 0; i + size <= data.Length; i += size)
        {
            data.Slice(i, size).Reverse();
        }
    }
}

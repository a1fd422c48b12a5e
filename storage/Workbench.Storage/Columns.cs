using System.Runtime.InteropServices;

namespace Workbench.Storage;

/// <summary>Numeric columns as raw little-endian bytes: 8 bytes a value, against ~13 for a BSON array element, and
/// no per-element allocation when reading back. NaN and infinities survive bit for bit.</summary>
internal static class Columns
{
    public static byte[] Pack(ReadOnlySpan<double> values) => MemoryMarshal.AsBytes(values).ToArray();

    public static byte[] Pack(ReadOnlySpan<long> values) => MemoryMarshal.AsBytes(values).ToArray();

    public static double[] Doubles(byte[] bytes) => CheckedCast<double>(bytes).ToArray();

    public static long[] Longs(byte[] bytes) => CheckedCast<long>(bytes).ToArray();

    private static ReadOnlySpan<T> CheckedCast<T>(byte[] bytes)
        where T : struct
    {
        if (bytes.Length % 8 != 0)
        {
            throw new InvalidDataException($"a numeric column of {bytes.Length} bytes is not a whole number of 8-byte values");
        }

        return MemoryMarshal.Cast<byte, T>(bytes);
    }
}

using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;

namespace Workbench.Tasks.Tests;

public sealed class TaskValueTests
{
    public static TheoryData<TaskValue> Values() =>
    [
        TaskValue.FromReal(-0.0),
        TaskValue.FromReal(double.NaN),
        TaskValue.FromInteger(long.MinValue),
        TaskValue.FromBoolean(true),
        TaskValue.FromText("π ≈ 3.14"),
        TaskValue.FromReals([1.5, -2, double.Epsilon]),
        TaskValue.FromSingles([1.5f, -2f]),
        TaskValue.FromIntegers([1, int.MaxValue, -3]),
        TaskValue.FromBytes([0, 255, 7]),
        TaskValue.FromReals([]),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void Encoding_round_trips_bit_for_bit(TaskValue value)
    {
        var decoded = TaskValueCodec.Decode(TaskValueCodec.Encode(value));
        Assert.Equal(value, decoded);
        Assert.Equal(TaskValueHash.Sha256(value), TaskValueHash.Sha256(decoded));
    }

    [Fact]
    public void Factories_copy_their_input()
    {
        var buffer = new[] { 1.0, 2.0 };
        var value = TaskValue.FromReals(buffer);
        buffer[0] = 99;
        Assert.Equal([1.0, 2.0], value.AsReals().ToArray());
    }

    [Fact]
    public void Reading_the_wrong_kind_says_what_the_value_is()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TaskValue.FromInteger(3).AsReal());
        Assert.Equal("the value is Integer, not Real", error.Message);
    }

    [Fact]
    public void A_truncated_array_is_not_decoded()
    {
        var bytes = TaskValueCodec.Encode(TaskValue.FromReals([1, 2]));
        Assert.Throws<FormatException>(() => TaskValueCodec.Decode(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void The_hash_is_fixed_for_a_value()
    {
        // Encoding: kind 2, then the integer in little-endian order; the hash must never change between versions.
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[] { 2, 42, 0, 0, 0, 0, 0, 0, 0 })),
            TaskValueHash.Sha256(TaskValue.FromInteger(42)));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void The_hash_is_taken_over_the_encoded_bytes(TaskValue value)
    {
        // Real arrays are hashed in place rather than encoded first; the fingerprint must not notice.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TaskValueCodec.Encode(value))), TaskValueHash.Sha256(value));
    }
}

using System.Text;
using Workbench.Engine.Specs;
using Xunit;

namespace Workbench.Engine.Tests.Specs;

/// <summary>The managed SHA-256 that names plugin files gives the standard's digests and the platform's, however the
/// bytes are split into appends.</summary>
[Trait("kind", "unit")]
public sealed class Sha256Tests
{
    [Theory]
    // FIPS 180-4 examples (NIST's "SHA256.pdf" and "SHA2_Additional.pdf") and the empty message.
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void The_standard_examples_give_the_standard_digests(string message, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Sha256.HashData(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void A_million_a_appended_in_odd_pieces_gives_the_standard_digest()
    {
        var sha = new Sha256();
        var piece = Encoding.ASCII.GetBytes(new string('a', 997));
        var left = 1_000_000;
        for (; left >= piece.Length; left -= piece.Length)
        {
            sha.Append(piece);
        }

        sha.Append(piece.AsSpan(0, left));
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    [Fact]
    public void Every_length_up_to_three_blocks_and_beyond_matches_the_platform_whatever_the_appends()
    {
        var random = new Random(20261207);
        foreach (var length in Enumerable.Range(0, 200).Concat([255, 256, 257, 1023, 4096, 65_537, 1 << 20]))
        {
            var data = new byte[length];
            random.NextBytes(data);
            var expected = System.Security.Cryptography.SHA256.HashData(data);
            Assert.Equal(expected, Sha256.HashData(data));

            var sha = new Sha256();
            for (var at = 0; at < length;)
            {
                var take = Math.Min(length - at, random.Next(0, 130));
                sha.Append(data.AsSpan(at, take));
                at += take;
            }

            Assert.Equal(expected, sha.GetHashAndReset());
            // Reset: the same instance hashes the next message from scratch.
            sha.Append(data);
            Assert.Equal(expected, sha.GetHashAndReset());
        }
    }
}

namespace Workbench.Contracts.Randomness;

/// <summary>Deterministic derivation of sub-seeds (per island, node, restart) from one run seed.</summary>
public static class Seeds
{
    /// <summary>A seed for sub-stream <paramref name="stream"/> of <paramref name="seed"/>. Different streams give
    /// statistically independent generators; the mapping never changes between versions.</summary>
    public static ulong Derive(ulong seed, ulong stream)
    {
        var state = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        _ = SplitMix64.Next(ref state);
        return SplitMix64.Next(ref state);
    }

    /// <summary>A seed for a named purpose, such as <c>Derive(seed, "island", 3)</c>.</summary>
    public static ulong Derive(ulong seed, string purpose, ulong index)
    {
        // FNV-1a over the purpose: stable across processes, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Derive(Derive(seed, hash), index);
    }
}

internal static class SplitMix64
{
    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

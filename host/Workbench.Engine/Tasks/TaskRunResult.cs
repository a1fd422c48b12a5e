using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>A finished task run: the combined result, its SHA-256 (over <see cref="TaskValueCodec"/> bytes, so equal
/// values give equal hashes on every machine), the options used and what each node did.</summary>
public sealed record TaskRunResult
{
    private string? _sha256;

    public required string TaskId { get; init; }

    public required int NodeCount { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Canonical text of every option value, defaults included.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    public required TaskResult Result { get; init; }

    /// <summary>Lower-case hex SHA-256 of the encoded result value, computed when first asked for: hashing a large
    /// field costs about a tenth of computing it, and a caller that only wants the field should not wait for that.</summary>
    public string Sha256
    {
        get => _sha256 ??= TaskValueHash.Sha256(Result.Value);
        init => _sha256 = value;
    }

    public required IReadOnlyList<NodeStatistics> Nodes { get; init; }

    public required TimeSpan Elapsed { get; init; }
}

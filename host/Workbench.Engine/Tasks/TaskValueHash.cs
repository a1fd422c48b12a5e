using System.Security.Cryptography;
using Workbench.Contracts.Tasks;

namespace Workbench.Engine.Tasks;

/// <summary>Fingerprints of task values for reproducibility checks (<c>wb task run</c> prints it).</summary>
public static class TaskValueHash
{
    /// <summary>Lower-case hex SHA-256 of the value's fixed binary encoding (kind byte included).</summary>
    public static string Sha256(TaskValue value) => Convert.ToHexStringLower(SHA256.HashData(TaskValueCodec.Encode(value)));
}

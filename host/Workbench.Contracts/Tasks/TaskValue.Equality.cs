namespace Workbench.Contracts.Tasks;

/// <summary>Value equality: same kind and the same bits (so NaN equals NaN and 0.0 differs from -0.0), which is
/// what reproducibility checks want.</summary>
public sealed partial class TaskValue
{
    public bool Equals(TaskValue? other) =>
        other is not null && Kind == other.Kind && TaskValueCodec.Encode(this).AsSpan().SequenceEqual(TaskValueCodec.Encode(other));

    public override bool Equals(object? obj) => Equals(obj as TaskValue);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.AddBytes(TaskValueCodec.Encode(this));
        return hash.ToHashCode();
    }
}

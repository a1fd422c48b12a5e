namespace Workbench.Contracts.Tasks;

/// <summary>What a <see cref="TaskValue"/> holds. The numbers are part of the wire format: never reuse or renumber.</summary>
public enum TaskValueKind : byte
{
    Real = 1,
    Integer = 2,
    Boolean = 3,
    Text = 4,
    RealArray = 5,
    SingleArray = 6,
    IntegerArray = 7,
    Bytes = 8,
}

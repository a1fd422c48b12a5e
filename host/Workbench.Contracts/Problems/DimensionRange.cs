namespace Workbench.Contracts.Problems;

/// <summary>The dimensions a problem factory accepts, inclusive.</summary>
public readonly record struct DimensionRange(int Min, int Max)
{
    public static DimensionRange Any => new(1, int.MaxValue);

    public bool Contains(int dimension) => dimension >= Min && dimension <= Max;

    public override string ToString() => Max == int.MaxValue ? $"{Min} or more" : $"{Min}..{Max}";
}

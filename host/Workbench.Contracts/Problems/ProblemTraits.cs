namespace Workbench.Contracts.Problems;

/// <summary>Properties of a problem that decide how the host may call it.</summary>
/// <param name="IsThreadSafe">Evaluate may be called concurrently on disjoint slices of one batch.</param>
/// <param name="IsDeterministic">The same point always gives the same fitness (required for reproducible runs).</param>
public readonly record struct ProblemTraits(bool IsThreadSafe, bool IsDeterministic)
{
    public static ProblemTraits PureFunction => new(IsThreadSafe: true, IsDeterministic: true);
}

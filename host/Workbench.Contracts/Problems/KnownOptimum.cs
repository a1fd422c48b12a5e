namespace Workbench.Contracts.Problems;

/// <summary>The global minimum of a problem: its value and, where known, one minimising point.</summary>
public sealed record KnownOptimum(double Value, IReadOnlyList<double>? Point);

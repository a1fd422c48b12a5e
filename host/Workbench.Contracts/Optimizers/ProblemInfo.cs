using Workbench.Contracts.Problems;

namespace Workbench.Contracts.Optimizers;

/// <summary>What an optimiser may know about the problem: its shape, never its objective.</summary>
public sealed record ProblemInfo(string ProblemId, int Dimension, Bounds Bounds);

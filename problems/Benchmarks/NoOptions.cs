namespace Workbench.Problems.Benchmarks;

/// <summary>The benchmark functions take no options: their dimension and bounds are enough to define them.</summary>
public sealed class NoOptions
{
}

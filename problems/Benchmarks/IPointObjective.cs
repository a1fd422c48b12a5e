namespace Workbench.Problems.Benchmarks;

/// <summary>The fitness of one point. Implemented by readonly structs so that
/// <see cref="BenchmarkProblem{TObjective}"/> is specialised per function and the call is inlined.</summary>
internal interface IPointObjective
{
    double Value(ReadOnlySpan<double> x);
}

using Workbench.Contracts.Options;

namespace Workbench.Problems.Benchmarks;

/// <summary>The benchmark functions are defined by their dimension and bounds alone; the one option makes them
/// artificially expensive, as in the Playdoh paper's overhead experiment (Fig. 4B).</summary>
public sealed class BenchmarkOptions
{
    [Option("pause-ms", "Pause this many milliseconds per evaluation (no CPU used), to stand in for a costly model", Min = 0, Max = 60_000)]
    public double PauseMs { get; init; }
}

using Workbench.Contracts.Options;

namespace Workbench.Problems.MonteCarlo;

public sealed class PiOptions
{
    [Option("points", "Total number of random points, split as evenly as possible among the nodes.", Min = 1)]
    public long Points { get; set; } = 10_000_000;

    [Option("nodes", "Number of nodes (K).", Min = 1, Max = 1024)]
    public int Nodes { get; set; } = 2;
}

using Workbench.Contracts.Options;

namespace Workbench.Algorithms.RandomSearch;

public sealed class RandomSearchOptions
{
    [Option("batch-size", "Points sampled per iteration.", Min = 1)]
    public int BatchSize { get; set; } = 100;
}

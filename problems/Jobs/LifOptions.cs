using Workbench.Contracts.Options;

namespace Workbench.Problems.Jobs;

public sealed class LifOptions
{
    [Option("neurons", "Neurons of the smallest network; inputs make networks of 1x, 1.75x or 2.5x this size.", Min = 10, Max = 1_000_000)]
    public int Neurons { get; set; } = 1000;

    [Option("duration-ms", "Simulated time in milliseconds (time step 0.1 ms).", Min = 1, Max = 1_000_000)]
    public double DurationMs { get; set; } = 1000;

    [Option("connectivity", "Probability that one neuron connects to another.", Min = 0, Max = 1)]
    public double Connectivity { get; set; } = 0.02;
}

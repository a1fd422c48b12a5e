using Workbench.Contracts.Jobs;
using Workbench.Contracts.Randomness;
using Workbench.Contracts.Tasks;

namespace Workbench.Problems.Jobs;

/// <summary>A sparse random network of leaky integrate-and-fire neurons (Brunel's model A, 80% excitatory),
/// the kind of independent simulation Playdoh's map was written for. The input seeds the network and picks its
/// size, so jobs differ in cost (1x, 1.75x, 2.5x) as real parameter sweeps do.</summary>
public sealed class LifJobFactory : JobFactory<LifOptions>
{
    public override string Id => "lif";

    public override string Description => "Leaky integrate-and-fire network (2% connectivity); input = seed, output = [rate Hz, spikes, neurons, mean drive mV].";

    protected override IJob Create(LifOptions options) => new LifJob(options);

    private sealed class LifJob(LifOptions options) : IJob
    {
        public TaskValue Run(TaskValue input, CancellationToken cancellationToken)
        {
            var key = KeyOf(input);
            var sizeFactor = 1 + (0.75 * (double)(key % 3));
            var neurons = (int)Math.Round(options.Neurons * sizeFactor);
            // Drive above threshold (20 mV) by 2-6 mV: the network fires irregularly at a few tens of Hz.
            var drive = 22 + (4 * (double)(key % 5) / 4);
            var network = LifNetwork.Random(neurons, options.Connectivity, new RandomStream(Seeds.Derive(key, "lif-network", 0)));
            var steps = (int)Math.Round(options.DurationMs / LifNetwork.DtMs);
            var spikes = network.Simulate(steps, drive, new RandomStream(Seeds.Derive(key, "lif-noise", 0)), cancellationToken);
            var rate = spikes / (neurons * options.DurationMs / 1000.0);
            return TaskValue.FromReals([rate, spikes, neurons, drive]);
        }

        /// <summary>An integer input is used as is; a real one by its bits, so every distinct input is a distinct network.</summary>
        private static ulong KeyOf(TaskValue input) => input.Kind switch
        {
            TaskValueKind.Integer => (ulong)input.AsInteger(),
            TaskValueKind.Real => (ulong)BitConverter.DoubleToInt64Bits(input.AsReal()),
            _ => throw new ArgumentException($"lif takes an integer or a real input (the seed), not {input.Kind}"),
        };
    }
}

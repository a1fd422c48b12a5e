using Workbench.Contracts.Randomness;

namespace Workbench.Problems.Jobs;

/// <summary>The network's state and connections in flat arrays (compressed rows of targets per source), so a
/// spike costs one pass over its targets and a step one pass over the neurons.</summary>
internal sealed class LifNetwork
{
    public const double DtMs = 0.1;
    private const double TauMs = 20;
    private const double ThresholdMv = 20;
    private const double ResetMv = 10;
    private const double RefractoryMs = 2;
    private const double ExcitatoryMv = 0.2;
    private const double InhibitionRatio = 5;
    private const double NoiseMv = 3;

    private readonly int[] _start;
    private readonly int[] _targets;
    private readonly int _excitatory;

    private LifNetwork(int[] start, int[] targets, int excitatory)
    {
        _start = start;
        _targets = targets;
        _excitatory = excitatory;
    }

    private int Count => _start.Length - 1;

    public static LifNetwork Random(int neurons, double connectivity, RandomStream random)
    {
        var start = new int[neurons + 1];
        var targets = new List<int>((int)(neurons * neurons * connectivity * 1.1) + 1);
        for (var source = 0; source < neurons; source++)
        {
            start[source] = targets.Count;
            for (var target = 0; target < neurons; target++)
            {
                if (target != source && random.NextDouble() < connectivity)
                {
                    targets.Add(target);
                }
            }
        }

        start[neurons] = targets.Count;
        return new LifNetwork(start, targets.ToArray(), (int)(neurons * 0.8));
    }

    /// <summary>Euler steps of tau dv/dt = drive - v + noise, synaptic jumps delivered one step after a spike.</summary>
    /// <returns>The number of spikes.</returns>
    public long Simulate(int steps, double driveMv, RandomStream random, CancellationToken cancellationToken)
    {
        var n = Count;
        var v = new double[n];
        var input = new double[n];
        var refractory = new int[n];
        var refractorySteps = (int)Math.Round(RefractoryMs / DtMs);
        var decay = DtMs / TauMs;
        // Uniform noise of the same variance as the Gaussian of the diffusion limit: a third of the cost, and
        // the membrane averages it over many steps anyway.
        var noise = NoiseMv * Math.Sqrt(2 * decay) * Math.Sqrt(3);
        for (var i = 0; i < n; i++)
        {
            v[i] = random.NextDouble(ResetMv, ThresholdMv);
        }

        var spiked = new List<int>();
        long spikes = 0;
        for (var step = 0; step < steps; step++)
        {
            if ((step & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            spiked.Clear();
            for (var i = 0; i < n; i++)
            {
                if (refractory[i] > 0)
                {
                    refractory[i]--;
                    input[i] = 0;
                    continue;
                }

                v[i] += (decay * (driveMv - v[i])) + (noise * ((2 * random.NextDouble()) - 1)) + input[i];
                input[i] = 0;
                if (v[i] >= ThresholdMv)
                {
                    v[i] = ResetMv;
                    refractory[i] = refractorySteps;
                    spiked.Add(i);
                }
            }

            spikes += spiked.Count;
            foreach (var source in spiked)
            {
                var weight = source < _excitatory ? ExcitatoryMv : -InhibitionRatio * ExcitatoryMv;
                for (var k = _start[source]; k < _start[source + 1]; k++)
                {
                    input[_targets[k]] += weight;
                }
            }
        }

        return spikes;
    }
}

using Newtonsoft.Json;
using Workbench.Contracts;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Randomness;

[assembly: WorkbenchPlugin("beta", WorkbenchContract.Version, Description = "Test plugin on Newtonsoft.Json 13")]

namespace BetaPlugin;

public sealed class RandomSearchFactory : IOptimizerFactory
{
#if BETA_V2
    internal const string Generation = "v2";
#else
    internal const string Generation = "v1";
#endif

    public string Id => "beta-random";

    // Round-trips through JsonConvert so the test proves this plugin's own Newtonsoft.Json runs.
    public string Description => JsonConvert.DeserializeObject<string>(
        JsonConvert.SerializeObject($"random search {Generation} on Newtonsoft.Json {typeof(JsonConvert).Assembly.GetName().Version}"))!;

    public OptionSchema Options => OptionSchema.Empty;

    public IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed) => new RandomSearch(problem, seed);

    private sealed class RandomSearch(ProblemInfo problem, ulong seed) : IOptimizer
    {
        private readonly RandomStream _random = new(seed);
        private readonly double[] _batch = new double[problem.Dimension];
        private double[] _best = [];

        public int Dimension => problem.Dimension;

        public double BestFitness { get; private set; } = double.PositiveInfinity;

        public ReadOnlySpan<double> BestPoint => _best;

        public string? StopReason => null;

        public IReadOnlyList<string> ExtraNames => [];

        public ReadOnlyMemory<double> Ask()
        {
            for (var i = 0; i < _batch.Length; i++)
            {
                _batch[i] = problem.Bounds.Lower[i] + (_random.NextDouble() * problem.Bounds.Width(i));
            }

            return _batch;
        }

        public void Tell(ReadOnlySpan<double> fitness)
        {
            if (fitness[0] < BestFitness)
            {
                BestFitness = fitness[0];
                _best = (double[])_batch.Clone();
            }
        }

        public void GetExtras(Span<double> values)
        {
        }
    }
}

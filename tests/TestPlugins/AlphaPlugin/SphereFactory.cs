using Newtonsoft.Json;
using Workbench.Contracts;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

[assembly: WorkbenchPlugin("alpha", WorkbenchContract.Version, Description = "Test plugin on Newtonsoft.Json 12", Authors = "tests")]

namespace AlphaPlugin;

public sealed class SphereFactory : IProblemFactory
{
    public string Id => "alpha-sphere";

    // Round-trips through JsonConvert so the test proves this plugin's own Newtonsoft.Json runs.
    public string Description => JsonConvert.DeserializeObject<string>(
        JsonConvert.SerializeObject($"sphere on Newtonsoft.Json {typeof(JsonConvert).Assembly.GetName().Version}"))!;

    public OptionSchema Options => OptionSchema.Empty;

    public DimensionRange Dimensions => DimensionRange.Any;

    public IProblem Create(OptionValues options, int dimension, Bounds? bounds) =>
        new Sphere(dimension, bounds ?? Bounds.Uniform(dimension, -5, 5));

    private sealed class Sphere(int dimension, Bounds bounds) : IProblem
    {
        public string Id => "alpha-sphere";

        public int Dimension => dimension;

        public Bounds Bounds => bounds;

        public KnownOptimum? Optimum => null;

        public ProblemTraits Traits => ProblemTraits.PureFunction;

        public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
        {
            for (var i = 0; i < fitness.Length; i++)
            {
                var sum = 0.0;
                foreach (var x in points.Slice(i * dimension, dimension))
                {
                    sum += x * x;
                }

                fitness[i] = sum;
            }
        }
    }
}

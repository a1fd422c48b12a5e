using System.Globalization;
using Workbench.Contracts;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

[assembly: WorkbenchPlugin("decayfit", WorkbenchContract.Version, Description = "Fits y = a exp(-k t) to data.csv", Authors = "me")]

namespace DecayFit;

/// <summary>Options are an immutable class with defaults; the host draws forms and parses --problem-option from it.</summary>
public sealed class DecayOptions
{
    [Option("data", "CSV file with columns t,y; a relative path is taken from the plugin's folder")]
    public string Data { get; init; } = "data.csv";
}

/// <summary>The factory is what the catalog discovers: public, sealed, parameterless constructor.</summary>
public sealed class DecayFitFactory : ProblemFactory<DecayOptions>
{
    public override string Id => "decay-fit";

    public override string Description => "least squares of y = a exp(-k t) against a CSV file; x = (a, k)";

    public override DimensionRange Dimensions => new(2, 2);

    protected override IProblem Create(DecayOptions options, int dimension, Bounds? bounds)
    {
        var path = Path.IsPathRooted(options.Data) ? options.Data : Path.Combine(PluginFolder, options.Data);
        var (t, y) = ReadCsv(path);
        return new DecayProblem(t, y, bounds ?? new Bounds([0.0, 0.0], [100.0, 10.0]));
    }

    /// <summary>Plugins load from memory or a cached copy, so Assembly.Location never names the plugin's folder: the host says where it is
    /// under "Workbench.PluginFolder.&lt;assembly name&gt;". Outside a host (this plugin's tests), data.csv is copied
    /// next to the test assembly.</summary>
    private static string PluginFolder =>
        AppContext.GetData("Workbench.PluginFolder." + typeof(DecayFitFactory).Assembly.GetName().Name) as string ?? AppContext.BaseDirectory;

    private static (double[] T, double[] Y) ReadCsv(string path)
    {
        var rows = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        return (rows.Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).ToArray(),
                rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray());
    }
}

/// <summary>The data is read once and never changed: evaluating is a pure function, so the traits say thread-safe
/// and deterministic, and the host may split a batch over all cores.</summary>
public sealed class DecayProblem(double[] t, double[] y, Bounds bounds) : IProblem
{
    public string Id => "decay-fit";

    public int Dimension => 2;

    public Bounds Bounds => bounds;

    public KnownOptimum? Optimum => null;

    public ProblemTraits Traits => ProblemTraits.PureFunction;

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
    {
        for (var i = 0; i < fitness.Length; i++)
        {
            double a = points[2 * i], k = points[(2 * i) + 1], sum = 0;
            for (var j = 0; j < t.Length; j++)
            {
                var r = (a * Math.Exp(-k * t[j])) - y[j];
                sum += r * r;
            }

            fitness[i] = sum;
        }
    }
}

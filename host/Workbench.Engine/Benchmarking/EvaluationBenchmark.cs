using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;

namespace Workbench.Engine.Benchmarking;

/// <summary>One row of <c>wb bench eval</c>: evaluations/s of a problem through the plugin path on one core and on
/// all cores, next to a plain C# loop of the same formula where one exists.</summary>
/// <param name="UnguardedRate">The problem called directly on one core, without the host's guard: the guard's cost
/// is the difference to <paramref name="SerialRate"/>.</param>
public sealed record EvaluationThroughputRow(string Problem, int Dimension, int Batch, double SerialRate, double MulticoreRate, int Workers, double UnguardedRate, double? PlainLoopRate)
{
    /// <summary>Plugin path / plain loop on one core (1.0 = no overhead).</summary>
    public double? SerialToPlain => PlainLoopRate is double plain ? SerialRate / plain : null;
}

public static class EvaluationBenchmark
{
    public static EvaluationThroughputRow Measure(Registered<IProblemFactory> entry, int dimension, int batch, int repetitions, int workers)
    {
        var raw = entry.Factory.Create(entry.Factory.Options.Defaults, dimension, null);
        var problem = new ProblemGuard(raw, entry.Origin.PluginId, NonFinitePolicy.Error);
        var points = UniformPoints(problem.Bounds, batch, seed: 1);
        var fitness = new double[batch];
        using var serial = new SerialEvaluator(problem);
        using var multicore = new MulticoreEvaluator(problem, workers);
        var unguarded = Throughput.MedianRate(() => raw.Evaluate(points, fitness), batch, repetitions);
        var serialRate = Throughput.MedianRate(() => serial.EvaluateAsync(points, fitness, CancellationToken.None).AsTask().Wait(), batch, repetitions);
        var multiRate = Throughput.MedianRate(() => multicore.EvaluateAsync(points, fitness, CancellationToken.None).AsTask().Wait(), batch, repetitions);
        double? plain = PlainLoops.ById.TryGetValue(entry.Factory.Id, out var loop)
            ? Throughput.MedianRate(() => loop(points, fitness, dimension), batch, repetitions)
            : null;
        return new EvaluationThroughputRow(entry.Factory.Id, dimension, batch, serialRate, multiRate, multicore.Workers, unguarded, plain);
    }

    private static double[] UniformPoints(Bounds bounds, int count, ulong seed)
    {
        var random = new RandomStream(seed);
        var d = bounds.Dimension;
        var points = new double[count * d];
        for (var i = 0; i < points.Length; i++)
        {
            var j = i % d;
            points[i] = random.NextDouble(bounds.Lower[j], bounds.Upper[j]);
        }

        return points;
    }
}

using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Running;

namespace Workbench.Cli.Commands;

/// <summary>Plausible fake runs for the store benchmarks: geometric convergence with noise, a few algorithms and problems.</summary>
internal static class SyntheticRuns
{
    private static readonly string[] Algorithms = ["cmaes", "pso", "ga", "random-search"];
    private static readonly string[] Problems = ["sphere", "rosenbrock", "rastrigin"];

    public static (RunRecord Run, RunHistory History) Make(int index, int iterations, DateTimeOffset start)
    {
        var rng = new Random(index);
        var algorithm = Algorithms[index % Algorithms.Length];
        var problem = Problems[index / Algorithms.Length % Problems.Length];
        var rate = 0.97 + 0.02 * rng.NextDouble();
        var (it, ev, best, ib, mean, el, sigma) = (new long[iterations], new long[iterations], new double[iterations],
            new double[iterations], new double[iterations], new double[iterations], new double[iterations]);
        var bestSoFar = double.PositiveInfinity;
        for (var i = 0; i < iterations; i++)
        {
            var f = 100 * Math.Pow(rate, i) * (1 + rng.NextDouble());
            bestSoFar = Math.Min(bestSoFar, f);
            (it[i], ev[i], best[i], ib[i], mean[i], el[i], sigma[i]) = (i + 1, 10L * (i + 1), bestSoFar, f, 3 * f, 0.001 * (i + 1), Math.Pow(rate, i));
        }

        var origin = new ComponentOrigin("Workbench." + algorithm, "1.0.0", new string('a', 64), "/plugins/" + algorithm);
        var description = new RunDescription
        {
            RunId = Guid.CreateVersion7(start.AddSeconds(index)).ToString("N"),
            Algorithm = new ComponentUse(algorithm, origin, new Dictionary<string, string> { ["popsize"] = "10" }),
            Problem = new ComponentUse(problem, origin with { PluginId = "Workbench.Benchmarks" }, new Dictionary<string, string>()),
            Seed = (ulong)(index % 10 + 1),
            Dimension = 10,
            Lower = Enumerable.Repeat(-5.0, 10).ToArray(),
            Upper = Enumerable.Repeat(5.0, 10).ToArray(),
            Stop = new StopCriteria { MaxIterations = iterations },
            Evaluator = "serial",
            Workers = 1,
            Device = "cpu",
            ExtraNames = ["sigma"],
            StartedAt = start.AddSeconds(index),
            Machine = MachineInfo.Current,
            KnownOptimum = 0,
        };
        var run = new RunRecord
        {
            Description = description, Status = RunStatus.Completed, StopReason = new StopReason(StopKind.MaxIterations),
            BestFitness = bestSoFar, BestPoint = new double[10], Evaluations = ev[^1], Iterations = iterations,
            WallSeconds = el[^1], EndedAt = start.AddSeconds(index + el[^1]), OwnerPid = Environment.ProcessId, OwnerHost = Environment.MachineName,
        };
        return (run, new RunHistory(it, ev, best, ib, mean, el, new Dictionary<string, double[]> { ["sigma"] = sigma }));
    }
}

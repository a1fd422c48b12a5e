using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Running;

namespace Workbench.Reporting.Tests;

/// <summary>Synthetic runs with chosen best-so-far curves.</summary>
internal static class Runs
{
    public static RunData Make(double[] best, ulong seed = 1, string algorithm = "cmaes", string sigma = "0.5", double? optimum = 0, long evalsPerIteration = 10)
    {
        var n = best.Length;
        var d = new RunDescription
        {
            RunId = Guid.NewGuid().ToString("N"),
            Algorithm = new ComponentUse(algorithm, ComponentOrigin.InProcess(algorithm), new Dictionary<string, string> { ["sigma0"] = sigma }),
            Problem = new ComponentUse("sphere", ComponentOrigin.InProcess("sphere"), new Dictionary<string, string>()),
            Seed = seed, Dimension = 2, Lower = [-1, -1], Upper = [1, 1], Stop = new StopCriteria(), Evaluator = "serial", Workers = 1,
            Device = "cpu", ExtraNames = ["sigma"], StartedAt = DateTimeOffset.UnixEpoch, Machine = MachineInfo.Current, KnownOptimum = optimum,
        };
        var run = new RunRecord
        {
            Description = d, Status = RunStatus.Completed, StopReason = new StopReason(StopKind.MaxIterations), BestFitness = best[^1],
            BestPoint = [0, 0], Evaluations = n * evalsPerIteration, Iterations = n, WallSeconds = n * 0.5, OwnerPid = 1, OwnerHost = "h",
        };
        var history = new RunHistory(
            Enumerable.Range(1, n).Select(i => (long)i).ToArray(),
            Enumerable.Range(1, n).Select(i => i * evalsPerIteration).ToArray(),
            best, best.Select(b => b * 2).ToArray(), best.Select(b => b * 3 + 0.1).ToArray(),
            Enumerable.Range(1, n).Select(i => i * 0.5).ToArray(),
            new Dictionary<string, double[]> { ["sigma"] = best.Select(b => Math.Sqrt(b) / 3).ToArray() });
        return new RunData(run, history);
    }
}

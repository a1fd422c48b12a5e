using System.Globalization;
using System.Text;
using Workbench.Engine.Running;

namespace Workbench.Cli.Output;

/// <summary>The end-of-run summary, as text for people and as JSON for scripts.</summary>
internal static class RunReport
{
    public static object ToJson(RunDescription run, RunSummary summary) => new
    {
        runId = run.RunId,
        algorithm = run.Algorithm.Id,
        problem = run.Problem.Id,
        dimension = run.Dimension,
        seed = run.Seed,
        bestFitness = summary.BestFitness,
        bestPoint = summary.BestPoint,
        evaluations = summary.Evaluations,
        iterations = summary.Iterations,
        wallSeconds = summary.WallSeconds,
        stopReason = summary.StopReason.ToString(),
        status = summary.Status,
        error = summary.Error,
        evaluator = run.Evaluator,
        workers = run.Workers,
        device = run.Device,
        algorithmOptions = run.Algorithm.Options,
        problemOptions = run.Problem.Options,
    };

    public static string ToText(RunDescription run, RunSummary summary, bool seedWasDrawn)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"run {run.RunId}: {run.Algorithm.Id} on {run.Problem.Id}, {run.Dimension}-D, seed {run.Seed}");
        sb.AppendLine(seedWasDrawn ? " (drawn at random; repeat with --seed " + run.Seed.ToString(c) + ")" : "");
        var rate = summary.WallSeconds > 0 ? summary.Evaluations / summary.WallSeconds : 0;
        sb.AppendLine(c, $"stopped: {summary.StopReason} after {summary.Iterations:N0} iterations and {summary.Evaluations:N0} evaluations in {summary.WallSeconds:F3} s ({rate:N0} evals/s, {run.Evaluator} x{run.Workers} on {run.Device})");
        sb.AppendLine(c, $"best fitness: {summary.BestFitness:G10}");
        if (summary.BestPoint.Length > 0)
        {
            var shown = summary.BestPoint.Take(10).Select(x => x.ToString("G8", c));
            sb.AppendLine($"best point:   [{string.Join(", ", shown)}{(summary.BestPoint.Length > 10 ? ", ..." : "")}]");
        }

        return sb.ToString();
    }
}

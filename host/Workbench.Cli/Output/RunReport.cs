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
        spread = SpreadText.Json(summary.EvaluatorReport),
        algorithmOptions = run.Algorithm.Options,
        problemOptions = run.Problem.Options,
        islands = run.Islands is { } i ? new
        {
            count = i.Count,
            migrationInterval = i.MigrationInterval,
            migrationRate = i.MigrationRate,
            topology = Engine.Islands.IslandTopology.Name(i.Topology),
            migrates = run.IslandsMigrate ?? false,
        } : null,
    };

    public static string ToText(RunDescription run, RunSummary summary, bool seedWasDrawn)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"run {run.RunId}: {run.Algorithm.Id} on {run.Problem.Id}, {run.Dimension}-D, seed {run.Seed}");
        sb.AppendLine(seedWasDrawn ? " (drawn at random; repeat with --seed " + run.Seed.ToString(c) + ")" : "");
        if (IslandLine(run) is { } islands)
        {
            sb.AppendLine(islands);
        }

        var rate = summary.WallSeconds > 0 ? summary.Evaluations / summary.WallSeconds : 0;
        sb.AppendLine(c, $"stopped: {summary.StopReason} after {summary.Iterations:N0} iterations and {summary.Evaluations:N0} evaluations in {summary.WallSeconds:F3} s ({rate:N0} evals/s, {run.Evaluator} x{run.Workers} on {run.Device})");
        if (SpreadText.Line(summary.EvaluatorReport) is { } spread)
        {
            sb.AppendLine(spread);
        }

        sb.AppendLine(c, $"best fitness: {summary.BestFitness:G10}");
        if (summary.BestPoint.Length > 0)
        {
            var shown = summary.BestPoint.Take(10).Select(x => x.ToString("G8", c));
            sb.AppendLine($"best point:   [{string.Join(", ", shown)}{(summary.BestPoint.Length > 10 ? ", ..." : "")}]");
        }

        return sb.ToString();
    }

    private static string? IslandLine(RunDescription run) => run.Islands switch
    {
        null or { Count: <= 1 } => null,
        var i when run.IslandsMigrate == true => string.Create(CultureInfo.InvariantCulture,
            $"islands: {i.Count} x {run.Algorithm.Id}, {Engine.Islands.IslandTopology.Name(i.Topology)}, best {i.MigrationRate * 100:G4}% migrate every {i.MigrationInterval} iterations"),
        var i => $"islands: {i.Count} independent islands ({run.Algorithm.Id} has no migration support, so none migrate)",
    };
}

using Workbench.Engine.Archive;

namespace Workbench.Cli.Output;

/// <summary>Stored runs as JSON objects for <c>--json</c> outputs.</summary>
internal static class RunJson
{
    public static object Summary(RunRecord r) => new
    {
        runId = r.Id,
        name = r.Description.Name,
        tags = r.Description.Tags,
        status = r.Status,
        algorithm = r.Description.Algorithm.Id,
        problem = r.Description.Problem.Id,
        dimension = r.Description.Dimension,
        seed = r.Description.Seed,
        startedAt = r.Description.StartedAt,
        endedAt = r.EndedAt,
        bestFitness = r.BestFitness,
        evaluations = r.Evaluations,
        iterations = r.Iterations,
        wallSeconds = r.WallSeconds,
        stopReason = r.StopReason?.ToString(),
        error = r.Error,
    };

    /// <summary>A run whose document failed its checks: its id and the problem, no values that could be garbage.</summary>
    public static object Damaged(Workbench.Storage.DamagedRun d) => new { runId = d.Id, status = "damaged", error = d.Problem };
}

using System.Globalization;
using Workbench.Engine.Evaluation;

namespace Workbench.Cli.Output;

/// <summary>Where a run's evaluations went (peers' shares and re-dispatches), for <c>wb run</c> and <c>wb runs show</c>.</summary>
internal static class SpreadText
{
    public static string? Line(EvaluatorReport? report)
    {
        if (report is null)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var total = Math.Max(1, report.Shares.Sum(s => s.Evaluations));
        var shares = string.Join(", ", report.Shares.Select(s => string.Create(c, $"{s.Name} {s.Evaluations:N0} ({100.0 * s.Evaluations / total:F0}%)")));
        return string.Create(c, $"spread:     {(shares.Length == 0 ? "nothing evaluated" : shares)}; {report.Redispatches} chunk(s) re-dispatched");
    }

    public static object? Json(EvaluatorReport? report) => report is null ? null : new
    {
        shares = report.Shares.Select(s => new { name = s.Name, evaluations = s.Evaluations, chunks = s.Chunks, seconds = s.Seconds }).ToArray(),
        redispatches = report.Redispatches,
        warnings = report.Warnings,
    };
}

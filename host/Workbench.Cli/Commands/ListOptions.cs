using System.CommandLine;
using Workbench.Engine.Running;

namespace Workbench.Cli.Commands;

/// <summary>Filters shared by <c>wb runs list</c> and <c>wb task runs</c>; <paramref name="what"/> names the
/// records in the help text ("runs", "task runs").</summary>
internal static class ListOptions
{
    public static Option<RunStatus?> Status() => new("--status") { Description = "running, completed, failed or interrupted" };

    public static Option<DateTimeOffset?> Since(string what) => new("--since")
    {
        Description = $"Only {what} started at or after this date (e.g. 2025-01-31 or 2025-01-31T12:00)",
    };

    public static Option<int?> Limit(string what) => new Option<int?>("--limit", "-n") { Description = $"At most this many {what} (default 50; 0 for all)" }.AtLeast(0);

    /// <summary>The limit to query with: 50 unless given, none for 0 or less.</summary>
    public static int? LimitValue(ParseResult parse, Option<int?> limit) => (parse.GetValue(limit) ?? 50) is var n && n > 0 ? n : null;
}

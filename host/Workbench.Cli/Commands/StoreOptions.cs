using System.CommandLine;
using Workbench.Storage;

namespace Workbench.Cli.Commands;

/// <summary>Options that choose the run database, shared by <c>wb run</c>, <c>wb runs</c> and <c>wb db</c>.</summary>
internal static class StoreOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = $"Run database file (default: ${StorePaths.EnvironmentVariable}, else $XDG_DATA_HOME/workbench/runs.db); keep it on a local disk",
    };

    public static readonly Option<bool> NoRecord = new("--no-record") { Description = "Do not record this run in the run database" };

    public static readonly Option<string?> RunDatabase = Database();

    public static string Path(ParseResult parse, Option<string?> option) => StorePaths.Resolve(parse.GetValue(option));
}

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

    /// <summary>The store file: the one given (checked: not empty, not a folder), else the default.</summary>
    public static string Path(ParseResult parse, Option<string?> option) =>
        StorePaths.Resolve(parse.GetResult(option) is { Tokens.Count: > 0 } given
            ? Engine.Validation.UserPaths.StoreFile(given.Tokens[0].Value, "--db")
            : parse.GetValue(option));

    /// <summary>The store file for a writer: its folder must exist or be creatable (a writer creates it).</summary>
    public static string WritablePath(ParseResult parse, Option<string?> option)
    {
        var path = Path(parse, option);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--db '{path}': its folder cannot be created: {ex.Message}");
        }

        return path;
    }
}

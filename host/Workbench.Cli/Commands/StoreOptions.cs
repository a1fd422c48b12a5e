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
    public static string Path(ParseResult parse, Option<string?> option) => PathLater(parse, option)();

    /// <summary>The store file for a writer: its folder must exist or be creatable (a writer creates it).</summary>
    public static string WritablePath(ParseResult parse, Option<string?> option) => WritablePathLater(parse, option)();

    /// <summary><see cref="WritablePath"/> with the option read now and the checks (which may throw) run when called,
    /// on any thread: the parse result itself is only read on the command's thread.</summary>
    public static Func<string> WritablePathLater(ParseResult parse, Option<string?> option)
    {
        var path = PathLater(parse, option);
        return () => Writable(path());
    }

    private static Func<string> PathLater(ParseResult parse, Option<string?> option)
    {
        var given = parse.GetResult(option) is { Tokens.Count: > 0 } result ? result.Tokens[0].Value : null;
        var value = parse.GetValue(option);
        return () => StorePaths.Resolve(given is not null ? Engine.Validation.UserPaths.StoreFile(given, "--db") : value);
    }

    private static string Writable(string path)
    {
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

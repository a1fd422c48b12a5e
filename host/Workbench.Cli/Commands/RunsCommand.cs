using System.CommandLine;
using Workbench.Storage;

namespace Workbench.Cli.Commands;

/// <summary><c>wb runs ...</c>: list, show, compare, export, delete and tag stored runs.</summary>
/// <remarks>Read commands open the database read-only and are refused while another process records a run in it
/// (LiteDB cannot safely share the file); they read it once that run has ended.</remarks>
internal static class RunsCommand
{
    public static Command Create() => new("runs", "Stored runs: list, show, compare, export, delete, tag")
    {
        RunsListCommand.Create(),
        RunsShowCommand.Create(),
        RunsCompareCommand.Create(),
        RunsExportCommand.Create(),
        RunsEditCommands.Delete(),
        RunsEditCommands.Tag(),
    };

    public static RunStore OpenReadOnly(ParseResult parse, Option<string?> db) => RunStore.OpenReadOnly(StoreOptions.Path(parse, db));

    public static RunStore OpenForWriting(ParseResult parse, Option<string?> db) => RunStore.OpenForWriting(StoreOptions.WritablePath(parse, db));

    public static Argument<string[]> Ids(string description) => new("ID") { Description = description, Arity = ArgumentArity.OneOrMore };
}

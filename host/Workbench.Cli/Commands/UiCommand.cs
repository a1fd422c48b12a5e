using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Tui;

namespace Workbench.Cli.Commands;

/// <summary><c>wb ui</c> (and <c>wb</c> with no arguments): the terminal UI over the same catalog, evaluators and
/// recording as every other command.</summary>
internal static class UiCommand
{
    public static Command Create()
    {
        var command = new Command("ui", "Open the terminal UI (also what wb does with no arguments)");
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            Console.Error.WriteLine("wb: the terminal UI needs a terminal; run a command instead (wb --help lists them)");
            return ExitCodes.Usage;
        }

        // The UI runs for a long time, so it watches the plugin folders: a plugin dropped in appears at once.
        using var host = WorkbenchHost.Open(parse, watch: true);
        return TuiApp.Run(new TuiServices
        {
            Catalog = host.Catalog,
            Evaluators = host.Evaluators,
            Tasks = host.Catalog,
        });
    }
}

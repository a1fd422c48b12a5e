using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Engine.Specs;
using Workbench.Storage;
using Workbench.Tui;

namespace Workbench.Cli.Commands;

/// <summary><c>wb ui</c> (and <c>wb</c> with no arguments): the terminal UI over the same catalog, evaluators and
/// recording as every other command.</summary>
internal static class UiCommand
{
    public static Command Create()
    {
        var command = new Command("ui", "Open the terminal UI (also what wb does with no arguments)") { StoreOptions.RunDatabase };
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

        // The UI owns the run database while it is open: its runs are recorded and its Runs screen reads here.
        using var store = RunStore.OpenForWriting(StoreOptions.Path(parse, StoreOptions.RunDatabase));
        var cluster = new ClusterService(host.Catalog, () => ClusterOptions.Credentials(parse));
        try
        {
            return TuiApp.Run(new TuiServices
            {
                Catalog = host.Catalog,
                Evaluators = host.Evaluators,
                Tasks = host.Catalog,
                Runs = new StoreRunBrowser(store, new OptionLabels(host.Catalog)),
                Recorders = _ => [store.CreateRecorder()],
                Cluster = cluster,
                TasksOnPeers = peers => Transport.Tasks.PeerTaskRuntime.Open(peers, () => ClusterOptions.Credentials(parse), host.Catalog, new Transport.Tasks.PeerTaskSettings()),
            });
        }
        finally
        {
            // Stops sharing this machine's cores (a peer hosted by the UI lives as long as the UI).
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

using System.CommandLine;
using Workbench.Cli.Commands;
using Workbench.Engine;

namespace Workbench.Cli;

/// <summary>Builds the command tree and maps failures to exit codes and one-line messages.</summary>
public static class WbApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        // No response files: `--peers @FILE` and `@slurm` are Workbench's own forms, not System.CommandLine's.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"wb: {parse.Errors[0].Message}");
            return ExitCodes.Usage;
        }

        try
        {
            // Our own handlers below map exceptions to exit codes; the default handler would print stack traces.
            // A peer drains for up to 8 s on SIGTERM before it exits; the default 2 s would cut that short.
            // Commands that stop gracefully on their own signals (wb run, wb task run) do without the parser's handler.
            var termination = Composition.TerminationSignals.HandlesItself(parse) ? (TimeSpan?)null : TimeSpan.FromSeconds(9.5);
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = termination });
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"wb: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (RunSetupException ex)
        {
            Console.Error.WriteLine($"wb: {SettingFlags.Explain(ex)}");
            return ExitCodes.Usage;
        }
        catch (Engine.Archive.RunIdException ex)
        {
            Console.Error.WriteLine($"wb: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Workbench.Storage.StoreException ex)
        {
            Console.Error.WriteLine($"wb: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (Engine.Experiments.ExperimentException ex)
        {
            Console.Error.WriteLine($"wb: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (PluginFailureException ex)
        {
            Console.Error.WriteLine($"wb: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("Workbench: optimisation and simulation with plugins, on every core you have.");
        root.Options.Add(CommonOptions.Plugins);
        root.Options.Add(ClusterOptions.KeyFile);
        root.Options.Add(ClusterOptions.Insecure);
        root.Options.Add(ClusterOptions.TlsCa);
        root.Subcommands.Add(PluginsCommand.Create());
        root.Subcommands.Add(DescribeCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(RunsCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(TaskCommand.Create());
        root.Subcommands.Add(MapCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DevicesCommand.Create());
        root.Subcommands.Add(GpuCommand.Create());
        root.Subcommands.Add(UiCommand.Create());
        root.SetAction(UiCommand.Run);
        root.Subcommands.Add(ExperimentCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(PeersCommand.Create());
        root.Subcommands.Add(KeyCommand.Create());
        return root;
    }
}

/// <summary>A usage error found by a command (exit code 2, one-line message).</summary>
public sealed class UsageException(string message) : Exception(message);

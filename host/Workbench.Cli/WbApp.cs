using System.CommandLine;
using Microsoft.Extensions.Logging;
using Workbench.Cli.Commands;
using Workbench.Cli.Logging;
using Workbench.Engine;
using Workbench.Engine.Diagnostics;

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
            Fail(parse.Errors[0].Message, flatten: true);
            return ExitCodes.Usage;
        }

        ILoggerFactory? logging = null;
        try
        {
            logging = LogOptions.Apply(parse);
            // Our own handlers below map exceptions to exit codes; the default handler would print stack traces.
            // A peer drains for up to 8 s on SIGTERM before it exits; the default 2 s would cut that short.
            // Commands that stop gracefully on their own signals (wb run, wb task run) do without the parser's handler.
            var termination = Composition.TerminationSignals.HandlesItself(parse) ? (TimeSpan?)null : TimeSpan.FromSeconds(9.5);
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = termination });
        }
        catch (UsageException ex)
        {
            Fail(ex.Message);
            return ExitCodes.Usage;
        }
        catch (RunSetupException ex)
        {
            Fail(SettingFlags.Explain(ex));
            return ExitCodes.Usage;
        }
        catch (Engine.Archive.RunIdException ex)
        {
            Fail(ex.Message);
            return ExitCodes.Usage;
        }
        catch (Workbench.Storage.StoreException ex)
        {
            Fail(ex.Message);
            return ExitCodes.Failed;
        }
        catch (Engine.Experiments.ExperimentException ex)
        {
            Fail(ex.Message);
            return ExitCodes.Failed;
        }
        catch (PluginFailureException ex)
        {
            Fail(ex.Message);
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A path checked before the work can still fail during it (a full disk, a mount gone read-only).
            Fail($"I/O error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex)
        {
            // The last line of defence: a user never sees a stack trace, but does see what went wrong; the trace
            // itself goes to the log (--log-level debug --log-file F), for the bug report.
            var logger = WorkbenchLog.For("Workbench.Cli");
            logger.LogDebug(ex, "internal error in wb {Command}", parse.CommandResult.Command.Name);
            Fail($"internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            WorkbenchLog.Factory = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
            logging?.Dispose();
        }
    }

    /// <summary>One line on stderr, whatever the message holds: the line breaks of the parser's multi-line
    /// messages (its suggestions) become "; ", and control characters (from user text) are escaped.</summary>
    private static void Fail(string message, bool flatten = false)
    {
        if (flatten)
        {
            message = string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        // Errors are one line: a plugin's exception message can hold newlines (a FileNotFoundException's fusion
        // log, say), which would break the line apart and confuse scripts that read stderr.
        Console.Error.WriteLine("wb: " + Engine.Validation.ControlText.Escape(LogText.OneLine(message)));
    }

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("Workbench: optimisation and simulation with plugins, on every core you have.");
        root.Options.Add(CommonOptions.Plugins);
        root.Options.Add(LogOptions.Level);
        root.Options.Add(LogOptions.File);
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
        root.Subcommands.Add(CampaignCommand.Create());
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

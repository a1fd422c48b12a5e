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
        var root = BuildRoot(args);
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

    /// <summary>The subcommands, each built only when needed.</summary>
    private static readonly (string Name, Func<Command> Create)[] Subcommands =
    [
        ("plugins", PluginsCommand.Create),
        ("describe", DescribeCommand.Create),
        ("run", RunCommand.Create),
        ("runs", RunsCommand.Create),
        ("db", DbCommand.Create),
        ("task", TaskCommand.Create),
        ("map", MapCommand.Create),
        ("campaign", CampaignCommand.Create),
        ("bench", BenchCommand.Create),
        ("devices", DevicesCommand.Create),
        ("gpu", GpuCommand.Create),
        ("ui", UiCommand.Create),
        ("experiment", ExperimentCommand.Create),
        ("serve", ServeCommand.Create),
        ("peers", PeersCommand.Create),
        ("key", KeyCommand.Create),
    ];

    /// <summary>The command tree. When the first argument names a subcommand (<c>wb run ...</c>), only that one is
    /// built: building every command's options took about 20 ms of a tiny run's start. Anything else (no command,
    /// root options first, a typo, <c>wb --help</c>) builds them all, so help and suggestions list every command.</summary>
    private static RootCommand BuildRoot(string[] args)
    {
        var root = new RootCommand("Workbench: optimisation and simulation with plugins, on every core you have.");
        root.Options.Add(CommonOptions.Plugins);
        root.Options.Add(LogOptions.Level);
        root.Options.Add(LogOptions.File);
        root.Options.Add(ClusterOptions.KeyFile);
        root.Options.Add(ClusterOptions.Insecure);
        root.Options.Add(ClusterOptions.TlsCa);
        root.SetAction(UiCommand.Run);
        var named = args.Length > 0 ? Array.FindIndex(Subcommands, c => c.Name == args[0]) : -1;
        if (named >= 0 && Subcommands[named].Create() is { } only && only.Name == args[0])
        {
            root.Subcommands.Add(only);
            return root;
        }

        foreach (var (_, create) in Subcommands)
        {
            root.Subcommands.Add(create());
        }

        return root;
    }
}

/// <summary>A usage error found by a command (exit code 2, one-line message).</summary>
public sealed class UsageException(string message) : Exception(message);

using System.CommandLine;
using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;
using Workbench.Engine.Validation;

namespace Workbench.Cli.Logging;

/// <summary><c>--log-level</c> and <c>--log-file</c>: global options that set <see cref="WorkbenchLog.Factory"/>
/// for the whole process before a command runs.</summary>
internal static class LogOptions
{
    private static readonly string[] Levels = ["trace", "debug", "information", "warning", "error", "none"];

    public static readonly Option<string> Level = CreateLevel();

    public static readonly Option<string?> File = new("--log-file")
    {
        Description = "Also write the log to this file (appended), with exception details; at --log-level",
        Recursive = true,
    };

    private static Option<string> CreateLevel()
    {
        var option = new Option<string>("--log-level")
        {
            Description = "What to log: trace, debug, information, warning (default), error or none; to stderr, and to --log-file",
            Recursive = true,
            DefaultValueFactory = _ => "warning",
        };
        option.AcceptOnlyFromAmong(Levels);
        return option;
    }

    /// <summary>Builds the factory from the parsed options and makes it the process's. A bad <c>--log-file</c> is
    /// a <see cref="Engine.RunSetupException"/> (one line, exit 2) before any work starts.</summary>
    public static ILoggerFactory Apply(ParseResult parse)
    {
        var level = ToLevel(parse.GetValue(Level) ?? "warning");
        var path = parse.GetValue(File);
        // Checked like every other output path; the provider then appends, so earlier runs' lines stay.
        var full = path is null ? null : UserPaths.OutputFile(path, "--log-file");
        // The factory's own constructor, not LoggerFactory.Create: that builds a DI container, whose assemblies
        // every short command would pay for at start-up.
        ILoggerProvider[] providers = full is null
            ? [new StderrLoggerProvider()]
            : [new StderrLoggerProvider(), new FileLoggerProvider(full)];
        var factory = new LoggerFactory(providers, new LoggerFilterOptions { MinLevel = level });
        WorkbenchLog.Factory = factory;
        var log = factory.CreateLogger("Workbench.Cli");
        if (log.IsEnabled(LogLevel.Trace))
        {
            // The time before this line is the runtime's start and the parse: the first figure of a start-up profile.
            var sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
            log.LogTrace("log opened {Milliseconds:F0} ms after the process started", sinceStart.TotalMilliseconds);
        }

        return factory;
    }

    private static LogLevel ToLevel(string name) => name switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "information" => LogLevel.Information,
        "error" => LogLevel.Error,
        "none" => LogLevel.None,
        _ => LogLevel.Warning,
    };
}

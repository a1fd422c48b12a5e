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
        var factory = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(level);
            builder.AddProvider(new StderrLoggerProvider());
            if (full is not null)
            {
                builder.AddProvider(new FileLoggerProvider(full));
            }
        });
        WorkbenchLog.Factory = factory;
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

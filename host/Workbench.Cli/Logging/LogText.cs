using Microsoft.Extensions.Logging;

namespace Workbench.Cli.Logging;

/// <summary>What both providers write the same way: level names as <c>--log-level</c> spells them, one line per
/// message.</summary>
internal static class LogText
{
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "information",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };

    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

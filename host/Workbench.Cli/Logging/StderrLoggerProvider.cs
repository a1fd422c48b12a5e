using Microsoft.Extensions.Logging;
using Workbench.Engine.Validation;

namespace Workbench.Cli.Logging;

/// <summary>Log entries on stderr as single lines in wb's own style (<c>wb: warning: ...</c>), so that a script
/// reading stderr sees one line per entry; the exception's type and message join the line, its stack trace goes to
/// <c>--log-file</c> only. Written by hand: the console package's formats and background queue are more than this
/// needs, and its queue could drop the last lines when a command exits at once.</summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new StderrLogger();

    public void Dispose()
    {
    }

    private sealed class StderrLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (exception is not null)
            {
                text += $" ({exception.GetType().Name}: {exception.Message})";
            }

            var line = $"wb: {LogText.LevelName(logLevel)}: {ControlText.Escape(LogText.OneLine(text))}";
            lock (Gate)
            {
                Console.Error.WriteLine(line);
            }
        }
    }
}

using Microsoft.Extensions.Logging;

namespace Workbench.Cli.Logging;

/// <summary><c>--log-file</c>: appends one entry per line (UTC time, level, category, message), followed by the
/// exception's full text when there is one. Flushed after every entry, because a command can end with
/// <see cref="Environment.Exit(int)"/> (the watchdog, a second Ctrl-C) and the last entries are the ones wanted.</summary>
internal sealed class FileLoggerProvider : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;

    public FileLoggerProvider(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private void Write(string text)
    {
        lock (_gate)
        {
            try
            {
                _writer.WriteLine(text);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The log must never fail the work it describes (a full disk, a late entry after disposal).
            }
        }
    }

    private sealed class FileLogger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {LogText.LevelName(logLevel)} {category}: {LogText.OneLine(formatter(state, exception))}";
            if (exception is not null)
            {
                text += Environment.NewLine + "    " + exception.ToString().ReplaceLineEndings(Environment.NewLine + "    ");
            }

            owner.Write(text);
        }
    }
}

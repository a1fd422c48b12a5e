using System.Runtime.InteropServices;

namespace Workbench.Cli.Composition;

/// <summary>SIGINT (Ctrl-C), SIGTERM and SIGHUP as a graceful stop: the first one cancels <see cref="Token"/> and the
/// process goes on to flush, record and print; a second one is left to the default action, which ends the process
/// at once (the store's lock dies with it, and at most the last second of history is lost).</summary>
/// <remarks>Installed by the command itself, before its store is opened. A command that does so is marked with
/// <see cref="HandledBy"/>, and the parser's own handler is then left out: that handler blocks signal delivery until
/// the command ends, so a second Ctrl-C could not force the exit.</remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;
    private volatile bool _disposed;

    private TerminationSignals(CancellationToken outer)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first signal, or by <paramref name="outer"/>.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>128 + the first signal's number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP); 130 when the
    /// stop came from elsewhere.</summary>
    public int ExitCode { get; private set; } = ExitCodes.Cancelled;

    public static TerminationSignals Listen(CancellationToken outer) => new(outer);

    private static readonly HashSet<System.CommandLine.Command> Graceful = [];

    /// <summary>Marks a command whose action listens with <see cref="Listen"/>.</summary>
    public static System.CommandLine.Command HandledBy(System.CommandLine.Command command)
    {
        Graceful.Add(command);
        return command;
    }

    /// <summary>Whether the command parsed handles its own signals (so the parser must not).</summary>
    public static bool HandlesItself(System.CommandLine.ParseResult parse) => Graceful.Contains(parse.CommandResult.Command);

    public void Dispose()
    {
        _disposed = true;
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            context.Cancel = false; // the second signal: the default action ends the process now
            return;
        }

        context.Cancel = true;
        if (_disposed)
        {
            return; // the command has ended; the process is about to exit with its own code
        }

        ExitCode = 128 + context.Signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGTERM => 15,
            PosixSignal.SIGHUP => 1,
            _ => 2,
        };
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the call: the command has ended already.
        }
    }
}

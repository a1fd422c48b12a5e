using System.CommandLine;
using Workbench.Cli.Commands;
using Workbench.Engine.Running;
using Workbench.Storage;

namespace Workbench.Cli.Composition;

/// <summary>The store and recorder of one <c>wb run</c>, unless <c>--no-record</c> was given.</summary>
internal sealed class RunRecording : IDisposable
{
    private readonly RunStore? _store;
    private readonly RunRecorder? _recorder;

    private RunRecording(RunStore? store, HistoryKeeping keeping)
    {
        _store = store;
        _recorder = store?.CreateRecorder(keeping: keeping);
    }

    /// <summary>The options read now, on the command's thread (a parse result is not for sharing), and the store
    /// opened when called. The database opens before the run starts, so a locked or damaged file stops the run
    /// before any work.</summary>
    private static Func<RunRecording> OpenLater(ParseResult parse, HistoryKeeping keeping)
    {
        if (parse.GetValue(StoreOptions.NoRecord))
        {
            return () => new RunRecording(null, keeping);
        }

        var path = StoreOptions.WritablePathLater(parse, StoreOptions.RunDatabase);
        return () => new RunRecording(RunStore.OpenForWriting(path()), keeping);
    }

    /// <summary>Starts opening the store on a thread-pool thread, so the store opens on the other core while this
    /// one loads plugins and plans the run (the two took about 80 ms each of a tiny run's start, one after the other).</summary>
    /// <remarks>Errors keep their order: the caller plans first and only then takes the recording, so a usage error is
    /// reported as such whatever the state of the store, and a store error surfaces where it did before.</remarks>
    public static Opening Begin(ParseResult parse, HistoryKeeping keeping) => new(Task.Run(OpenLater(parse, keeping)));

    public IRunObserver? Observer => _recorder;

    public void Dispose()
    {
        _recorder?.Dispose();
        _store?.Dispose();
    }

    /// <summary>A recording being opened (<see cref="Begin"/>).</summary>
    internal sealed class Opening(Task<RunRecording> opening) : IDisposable
    {
        private bool _taken;

        /// <summary>Waits for the store; its errors (locked, damaged, a bad <c>--db</c>) are thrown here.</summary>
        public RunRecording Take()
        {
            _taken = true;
            return opening.GetAwaiter().GetResult();
        }

        /// <summary>Not taken (the run was never planned): the store is closed once it has opened, without waiting for
        /// it, since it may be waiting for another writer's lock; its errors are dropped, as the command's own error
        /// is the one to report.</summary>
        public void Dispose()
        {
            if (!_taken)
            {
                opening.ContinueWith(
                    static done =>
                    {
                        if (done.IsCompletedSuccessfully)
                        {
                            done.Result.Dispose();
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
    }
}

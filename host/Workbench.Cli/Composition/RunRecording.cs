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

    /// <summary>Opens the database before the run starts, so a locked or damaged file stops the run before any work.</summary>
    public static RunRecording Open(ParseResult parse, HistoryKeeping keeping = HistoryKeeping.Thinned) =>
        new(parse.GetValue(StoreOptions.NoRecord) ? null : RunStore.OpenForWriting(StoreOptions.WritablePath(parse, StoreOptions.RunDatabase)), keeping);

    public IRunObserver? Observer => _recorder;

    public void Dispose()
    {
        _recorder?.Dispose();
        _store?.Dispose();
    }
}

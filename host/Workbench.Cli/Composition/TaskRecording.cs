using System.CommandLine;
using Workbench.Cli.Commands;
using Workbench.Engine.Archive;
using Workbench.Storage;

namespace Workbench.Cli.Composition;

/// <summary>The store of one <c>wb task run</c>, unless <c>--no-record</c> was given: same file, options and
/// single-writer lock as <c>wb run</c>.</summary>
internal sealed class TaskRecording : IDisposable
{
    private readonly RunStore? _store;

    private TaskRecording(RunStore? store)
    {
        _store = store;
    }

    /// <summary>Opens the database before the task starts, so a locked or damaged file stops it before any work.</summary>
    public static TaskRecording Open(ParseResult parse) =>
        new(parse.GetValue(StoreOptions.NoRecord) ? null : RunStore.OpenForWriting(StoreOptions.WritablePath(parse, StoreOptions.RunDatabase)));

    public bool Records => _store is not null;

    public void Started(TaskRunRecord task) => _store?.RecordTaskStarted(task);

    public void Finished(TaskRunRecord task) => _store?.RecordTaskFinished(task);

    public void Dispose() => _store?.Dispose();
}

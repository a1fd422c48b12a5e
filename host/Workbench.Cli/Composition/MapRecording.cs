using System.CommandLine;
using Workbench.Cli.Commands;
using Workbench.Engine.Archive;
using Workbench.Storage;

namespace Workbench.Cli.Composition;

/// <summary>The store of one <c>wb map</c>, unless <c>--no-record</c> was given: same file, options and
/// single-writer lock as <c>wb run</c>.</summary>
internal sealed class MapRecording : IDisposable
{
    private readonly RunStore? _store;

    private MapRecording(RunStore? store)
    {
        _store = store;
    }

    /// <summary>Opens the database before the map starts, so a locked or damaged file stops it before any work.</summary>
    public static MapRecording Open(ParseResult parse) =>
        new(parse.GetValue(StoreOptions.NoRecord) ? null : RunStore.OpenForWriting(StoreOptions.WritablePath(parse, StoreOptions.RunDatabase)));

    public bool Records => _store is not null;

    public void Started(MapRunRecord map) => _store?.RecordMapStarted(map);

    public void Finished(MapRunRecord map) => _store?.RecordMapFinished(map);

    public void Dispose() => _store?.Dispose();
}

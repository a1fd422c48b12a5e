using System.CommandLine;
using Workbench.Cli.Commands;
using Workbench.Engine.Evaluation;
using Workbench.Gpu;
using Workbench.Plugins;
using Workbench.Transport.Evaluation;

namespace Workbench.Cli.Composition;

/// <summary>The composition root: wires the plugin catalog, evaluators and (later) stores for one command.</summary>
internal sealed class WorkbenchHost : IDisposable
{
    private readonly ParseResult _parse;

    private WorkbenchHost(PluginCatalog catalog, ParseResult parse)
    {
        Catalog = catalog;
        _parse = parse;
    }

    public PluginCatalog Catalog { get; }

    /// <summary>ILGPU, started only when something asks for it (a GPU run, auto with a kernel, wb devices).</summary>
    private readonly Lazy<GpuRuntime> _gpu = new(() => new GpuRuntime());

    public GpuRuntime Gpu => _gpu.Value;

    /// <summary>The isolated evaluation worker of this command, when it has one: its key signs the calls to it.</summary>
    public IsolatedWorker? Worker { get; private set; }

    /// <summary>Starts the worker for <c>--isolation process</c> with the extra plugin folders of this command.</summary>
    public IsolatedWorker StartWorker(int slots) =>
        Worker = IsolatedWorker.Start(slots, _parse.GetValue(CommonOptions.Plugins) ?? []);

    /// <summary>Peers (when a run names them) around auto / cpu / gpu around the CPU evaluators.</summary>
    public IEvaluatorProvider Evaluators => new PeersEvaluatorProvider(
        new GpuEvaluatorProvider(() => _gpu.Value, new CpuEvaluatorProvider()),
        () => Worker?.Credentials ?? ClusterOptions.Credentials(_parse),
        Catalog,
        // An isolated worker that is lost fails the run at once, with its own line: no warning before it.
        warning =>
        {
            if (Worker is null)
            {
                Console.Error.WriteLine($"wb: warning: {warning}");
            }
        });

    /// <summary>Loads the plugin catalog. One-shot commands do not watch folders; long-running ones do.</summary>
    /// <param name="wanted">The only ids a one-shot command uses (<c>wb run</c>: its algorithm and problem): then
    /// only the plugin folders declaring them are loaded, the others listed from the catalog's index
    /// (<see cref="PluginCatalogOptions.Wanted"/>). Null loads every plugin.</param>
    public static WorkbenchHost Open(ParseResult parse, bool watch = false, IReadOnlyCollection<string>? wanted = null)
    {
        var extra = parse.GetValue(CommonOptions.Plugins) ?? [];
        // Checked here, before loading: a missing or unreadable folder is a usage error, not an empty catalog.
        var folders = extra.Select(folder => Engine.Validation.UserPaths.ExistingFolder(folder, "--plugins")).ToArray();
        var options = PluginCatalogOptions.Standard(folders) with
        {
            Watch = watch,
            // A command that does not watch never unloads a plugin, so its plugins may run precompiled code.
            Unloadable = watch,
            SharedTypes = GpuPluginSharing.SharedTypes,
            Wanted = wanted,
        };
        var catalog = new PluginCatalog(options);
        catalog.Load();
        return new WorkbenchHost(catalog, parse);
    }

    /// <summary>The GPU runtime first: it holds the plugin types of the kernels it compiled, so plugins could not
    /// unload while it lives.</summary>
    public void Dispose()
    {
        Worker?.Dispose();
        if (_gpu.IsValueCreated)
        {
            _gpu.Value.Dispose();
        }

        Catalog.Dispose();
    }
}

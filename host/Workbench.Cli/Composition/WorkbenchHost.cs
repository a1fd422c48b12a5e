using System.CommandLine;
using Workbench.Cli.Commands;
using Workbench.Engine.Evaluation;
using Workbench.Plugins;

namespace Workbench.Cli.Composition;

/// <summary>The composition root: wires the plugin catalog, evaluators and (later) stores for one command.</summary>
internal sealed class WorkbenchHost : IDisposable
{
    private WorkbenchHost(PluginCatalog catalog)
    {
        Catalog = catalog;
    }

    public PluginCatalog Catalog { get; }

    public IEvaluatorProvider Evaluators { get; } = new CpuEvaluatorProvider();

    /// <summary>Loads the plugin catalog. One-shot commands do not watch folders; long-running ones do.</summary>
    public static WorkbenchHost Open(ParseResult parse, bool watch = false)
    {
        var extra = parse.GetValue(CommonOptions.Plugins) ?? [];
        var options = PluginCatalogOptions.Standard(extra.Select(Path.GetFullPath)) with { Watch = watch };
        var catalog = new PluginCatalog(options);
        catalog.Load();
        return new WorkbenchHost(catalog);
    }

    public void Dispose() => Catalog.Dispose();
}

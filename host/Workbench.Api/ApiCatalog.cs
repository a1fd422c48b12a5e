using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;
using Workbench.Engine.Catalog;
using Workbench.Plugins;

namespace Workbench;

/// <summary>The algorithms of a catalog plus the call's own objective as the only problem.</summary>
internal sealed class ApiCatalog(IComponentCatalog algorithms, ObjectiveProblem objective) : IComponentCatalog
{
    private static readonly Lazy<PluginCatalog> Standard = new(LoadStandard, LazyThreadSafetyMode.ExecutionAndPublication);

    public IReadOnlyList<Registered<IOptimizerFactory>> Optimizers { get; } = algorithms.Optimizers;

    public IReadOnlyList<Registered<IProblemFactory>> Problems { get; } =
        [new Registered<IProblemFactory>(new ObjectiveProblemFactory(objective), ComponentOrigin.InProcess(ObjectiveProblem.ProblemId))];

    /// <summary>The built-in plugins, loaded once per process and never watched: the standard search path
    /// (next to the executable, ./plugins) plus the plugins/ folder next to Workbench.Api.dll, which is where
    /// a script or notebook finds them when its host executable lives elsewhere.</summary>
    public static IComponentCatalog BuiltIn => Standard.Value;

    /// <summary>The same catalog with every kind of component (the jobs of <c>Cluster.Map</c>).</summary>
    public static PluginCatalog BuiltInPlugins => Standard.Value;

    private static PluginCatalog LoadStandard()
    {
        var here = Path.GetDirectoryName(typeof(ApiCatalog).Assembly.Location);
        string[] extra = string.IsNullOrEmpty(here) ? [] : [Path.Combine(here, "plugins")];
        // The built-in problems offer ILGPU kernels: their references to the GPU contract and ILGPU resolve to the
        // host's copies (a plugin ships neither), so the catalog's dependency check passes and kernels would bind.
        var catalog = new PluginCatalog(PluginCatalogOptions.Standard(extra) with
        {
            Watch = false,
            SharedTypes = [typeof(Gpu.Contracts.IGpuProblem), typeof(ILGPU.Context)],
        });
        catalog.Load();
        return catalog;
    }
}

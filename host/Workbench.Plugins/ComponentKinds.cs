using Workbench.Contracts.Jobs;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Tasks;

namespace Workbench.Plugins;

/// <summary>The kinds of factory the catalog discovers. Adding a kind (a parallel-task factory, say) is one line
/// in <see cref="All"/>, plus a typed snapshot property on <see cref="PluginCatalog"/> if callers want one.</summary>
public static class ComponentKinds
{
    public const string Optimizer = "optimizer";
    public const string Problem = "problem";
    public const string Task = "task";
    public const string Job = "job";

    internal static readonly IReadOnlyList<ComponentKind> All =
    [
        ComponentKind.Of<IOptimizerFactory>(Optimizer, f => f.Id, ("Description", f => f.Description), ("Options", f => f.Options)),
        ComponentKind.Of<IProblemFactory>(Problem, f => f.Id, ("Description", f => f.Description), ("Options", f => f.Options), ("Dimensions", f => f.Dimensions)),
        ComponentKind.Of<IParallelTaskFactory>(Task, f => f.Id, ("Description", f => f.Description), ("Options", f => f.Options)),
        ComponentKind.Of<IJobFactory>(Job, f => f.Id, ("Description", f => f.Description), ("Options", f => f.Options)),
    ];

    /// <summary>The contract interfaces the catalog looks for, for messages and for callers that list them.</summary>
    public static IReadOnlyList<Type> Contracts { get; } = All.Select(k => k.Contract).ToArray();
}

using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;

namespace Workbench.Engine.Catalog;

/// <summary>A fixed catalog of factories created in process (the C# API, tests).</summary>
public sealed class StaticCatalog : IComponentCatalog
{
    public StaticCatalog(IEnumerable<IOptimizerFactory> optimizers, IEnumerable<IProblemFactory> problems)
    {
        Optimizers = optimizers.Select(f => new Registered<IOptimizerFactory>(f, ComponentOrigin.InProcess(f.Id))).ToArray();
        Problems = problems.Select(f => new Registered<IProblemFactory>(f, ComponentOrigin.InProcess(f.Id))).ToArray();
    }

    public IReadOnlyList<Registered<IOptimizerFactory>> Optimizers { get; }

    public IReadOnlyList<Registered<IProblemFactory>> Problems { get; }
}

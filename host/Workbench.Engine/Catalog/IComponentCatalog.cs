using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;

namespace Workbench.Engine.Catalog;

/// <summary>The factories currently available, by id. The plugin catalog implements it; so can a test or a script.</summary>
/// <remarks>Each property returns a snapshot: a plugin added or removed later does not change a list already taken.</remarks>
public interface IComponentCatalog
{
    IReadOnlyList<Registered<IOptimizerFactory>> Optimizers { get; }

    IReadOnlyList<Registered<IProblemFactory>> Problems { get; }
}

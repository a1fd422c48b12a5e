using Workbench.Contracts.Problems;

namespace Workbench.Engine.Specs;

/// <summary>A problem that is not a plugin's but can still be re-created elsewhere (a C# function shipped by its
/// assemblies' hash): it describes its own component, which the planner puts in the run's spec.</summary>
public interface IDescribedProblem : IProblem
{
    ComponentSpec Component { get; }
}

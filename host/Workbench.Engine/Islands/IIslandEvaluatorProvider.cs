using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Workbench.Engine.Specs;

namespace Workbench.Engine.Islands;

/// <summary>An evaluator provider that can also place whole islands on slots (the peers layer does).</summary>
public interface IIslandEvaluatorProvider
{
    /// <summary>An evaluator that runs each island of <paramref name="layout"/> on a slot of its own, where the
    /// island's optimiser evaluates its own batches, and answers the run loop with the fitness those slots computed.</summary>
    /// <exception cref="RunSetupException">The settings cannot be met.</exception>
    IEvaluator CreateForIslands(ProblemGuard problem, EvaluationSettings settings, IslandLayout layout);
}

/// <summary>The islands of a run as data another machine can rebuild: the optimiser's spec and each island's seed.</summary>
/// <param name="Islands">This process's copy of the islands, which the run loop drives; remote copies follow it.</param>
/// <param name="Stop">The run's stopping criteria: remote islands run no further ahead than the run can go.</param>
public sealed record IslandLayout(IslandOptimizer Islands, ComponentSpec Optimizer, IReadOnlyList<ulong> Seeds, StopCriteria Stop);

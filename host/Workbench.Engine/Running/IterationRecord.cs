namespace Workbench.Engine.Running;

/// <summary>One row of a run's convergence history.</summary>
/// <param name="Iteration">1-based iteration number.</param>
/// <param name="Evaluations">Evaluations so far, this iteration included.</param>
/// <param name="BestSoFar">Best fitness over the whole run so far.</param>
/// <param name="IterationBest">Best fitness of this iteration's batch.</param>
/// <param name="Mean">Mean fitness of this iteration's batch.</param>
/// <param name="ElapsedSeconds">Wall time since the run started.</param>
/// <param name="Extras">Algorithm statistics, in the order of <see cref="RunDescription.ExtraNames"/>.</param>
public sealed record IterationRecord(
    long Iteration,
    long Evaluations,
    double BestSoFar,
    double IterationBest,
    double Mean,
    double ElapsedSeconds,
    double[] Extras);

namespace Workbench.Engine.Statistics;

/// <summary>One trial (run) as ERT sees it: the evaluations it used in all, and the evaluations at which it first
/// reached a target (null if it never did).</summary>
public readonly record struct Trial(long EvaluationsUsed, long? EvaluationsToTarget)
{
    public bool Succeeded => EvaluationsToTarget is not null;

    /// <summary>The first history row whose best − fopt is at or below <paramref name="target"/>: its evaluation
    /// count is the runtime (a row is an iteration, so this is the evaluations at the end of the iteration that
    /// reached the target — COCO counts to the single evaluation, which is at most one batch less).</summary>
    public static Trial FromHistory(IReadOnlyList<long> evaluations, IReadOnlyList<double> bestSoFar, double fopt, double target, long evaluationsUsed)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(bestSoFar);
        for (var i = 0; i < bestSoFar.Count; i++)
        {
            if (bestSoFar[i] - fopt <= target)
            {
                return new Trial(evaluationsUsed, evaluations[i]);
            }
        }

        return new Trial(evaluationsUsed, null);
    }
}

/// <summary>Expected running time in COCO's definition: the evaluations of all trials — a successful trial's up to
/// its first hit of the target, an unsuccessful trial's whole budget used — summed, divided by the number of
/// successful trials. +∞ when no trial succeeded.</summary>
public readonly record struct Ert(double Value, int Successes, int Trials)
{
    public double SuccessRate => Trials == 0 ? double.NaN : (double)Successes / Trials;

    public static Ert Of(IReadOnlyList<Trial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        double evaluations = 0;
        var successes = 0;
        foreach (var trial in trials)
        {
            evaluations += trial.EvaluationsToTarget ?? trial.EvaluationsUsed;
            successes += trial.Succeeded ? 1 : 0;
        }

        return new Ert(successes == 0 ? double.PositiveInfinity : evaluations / successes, successes, trials.Count);
    }
}

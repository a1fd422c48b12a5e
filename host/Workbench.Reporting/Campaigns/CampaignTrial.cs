using Workbench.Engine.Archive;
using Workbench.Engine.Statistics;

namespace Workbench.Reporting.Campaigns;

/// <summary>One completed campaign run as the report reads it: which configuration on which problem, and its
/// best-so-far by evaluations. <see cref="Fopt"/> is the problem's known optimum (0 when it has none).</summary>
public sealed record CampaignTrial(
    string Algorithm,
    string Problem,
    int Dimension,
    string Instance,
    ulong Seed,
    double Fopt,
    long EvaluationsUsed,
    IReadOnlyList<long> Evaluations,
    IReadOnlyList<double> Best)
{
    /// <summary><paramref name="label"/> names the configuration (the algorithm and its non-default options).</summary>
    public static CampaignTrial From(RunRecord run, RunHistory history, string label)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(history);
        var d = run.Description;
        return new CampaignTrial(label, d.Problem.Id, d.Dimension, d.Problem.Options.GetValueOrDefault("instance", "-"), d.Seed,
            d.KnownOptimum ?? 0, run.Evaluations, history.Evaluations, history.Best);
    }

    /// <summary>best − fopt when the run ended.</summary>
    public double FinalPrecision => Best.Count == 0 ? double.PositiveInfinity : Best[^1] - Fopt;

    public Trial At(double target) => Trial.FromHistory(Evaluations, Best, Fopt, target, EvaluationsUsed);
}

using Workbench.Engine.Campaigns;
using Workbench.Engine.Statistics;

namespace Workbench.Reporting.Campaigns;

/// <summary>ERT per configuration, function, dimension and target, and runtime ECDFs per function group and
/// dimension: everything the HTML page and the CSV show, computed once.</summary>
public sealed record CampaignReport(
    string Name,
    IReadOnlyList<double> Targets,
    IReadOnlyList<ErtCell> Erts,
    IReadOnlyList<EcdfCurve> Ecdfs,
    IReadOnlyList<FinalPrecision> Finals,
    int Trials)
{
    public IReadOnlyList<string> Algorithms => Erts.Select(e => e.Algorithm).Distinct().ToList();

    public static CampaignReport Build(string name, IReadOnlyList<CampaignTrial> trials, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(targets);
        var erts = new List<ErtCell>();
        foreach (var cell in trials.GroupBy(t => (t.Algorithm, t.Problem, t.Dimension)).OrderBy(g => g.Key.Problem, StringComparer.Ordinal).ThenBy(g => g.Key.Dimension))
        {
            foreach (var target in targets)
            {
                erts.Add(new ErtCell(cell.Key.Algorithm, cell.Key.Problem, cell.Key.Dimension, target, Ert.Of(cell.Select(t => t.At(target)).ToList())));
            }
        }

        // Where ERT is ∞ the final precision still ranks configurations: its median with a seeded 95% bootstrap interval.
        var finals = trials.GroupBy(t => (t.Algorithm, t.Problem, t.Dimension))
            .Select(g => new FinalPrecision(g.Key.Algorithm, g.Key.Problem, g.Key.Dimension,
                BootstrapInterval.Of(g.Select(t => t.FinalPrecision).ToArray(), s => Quantiles.Median(s))))
            .ToList();
        return new CampaignReport(name, targets, erts, BuildEcdfs(trials, targets), finals, trials.Count);
    }

    /// <summary>One curve per configuration for each non-empty (group, dimension), over budgets from 1 to the
    /// largest budget used, in evaluations per dimension.</summary>
    private static List<EcdfCurve> BuildEcdfs(IReadOnlyList<CampaignTrial> trials, IReadOnlyList<double> targets)
    {
        var curves = new List<EcdfCurve>();
        if (trials.Count == 0)
        {
            return curves;
        }

        var most = trials.Max(t => (double)t.EvaluationsUsed / t.Dimension);
        var budgets = RuntimeEcdf.LogBudgets(0, Math.Max(1, Math.Ceiling(Math.Log10(most))));
        foreach (var group in FunctionGroups.Bbob.Append(FunctionGroups.All))
        {
            foreach (var dimension in trials.Select(t => t.Dimension).Distinct().Order())
            {
                foreach (var algorithm in trials.Select(t => t.Algorithm).Distinct())
                {
                    var runtimes = trials.Where(t => t.Dimension == dimension && t.Algorithm == algorithm && group.Contains(t.Problem))
                        .SelectMany(t => targets.Select(target => t.At(target).EvaluationsToTarget is long hit ? (double?)hit / dimension : null))
                        .ToList();
                    if (runtimes.Count > 0)
                    {
                        curves.Add(new EcdfCurve(group, dimension, algorithm, budgets, RuntimeEcdf.At(runtimes, budgets), runtimes.Count));
                    }
                }
            }
        }

        return curves;
    }
}

/// <summary>ERT of one configuration on one function and dimension at one target.</summary>
public sealed record ErtCell(string Algorithm, string Problem, int Dimension, double Target, Ert Ert);

/// <summary>The median over runs of best − fopt at the end, with its bootstrap interval.</summary>
public sealed record FinalPrecision(string Algorithm, string Problem, int Dimension, BootstrapInterval Median);

/// <summary>The share of (trial, target) pairs solved within each budget (evaluations / dimension).</summary>
public sealed record EcdfCurve(FunctionGroup Group, int Dimension, string Algorithm, double[] Budgets, double[] Shares, int Pairs);

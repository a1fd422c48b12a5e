using System.Globalization;
using Workbench.Engine.Running;
using Workbench.Engine.Specs;

namespace Workbench.Reporting;

/// <summary>Runs that differ only by seed: same algorithm and options, problem and options, dimension and bounds.</summary>
public sealed record RunGroup(string Key, string Label, IReadOnlyList<RunData> Runs);

public static class RunGrouping
{
    /// <summary>Groups runs in the order their first member appears, each labelled by its algorithm and the options
    /// that differ from the algorithm's defaults (<paramref name="labels"/>; without it every option is shown).</summary>
    public static IReadOnlyList<RunGroup> Group(IEnumerable<RunData> runs, OptionLabels? labels = null) =>
        runs.GroupBy(r => Key(r.Run.Description), StringComparer.Ordinal)
            .Select(g => new RunGroup(g.Key, Label(g.First().Run.Description, g.Count(), labels), g.ToList()))
            .ToList();

    /// <summary>The grouping key: everything that defines the experiment except the seed (and the run id, name,
    /// tags, machine and worker count, which do not change the convergence history).</summary>
    public static string Key(RunDescription d)
    {
        var c = CultureInfo.InvariantCulture;
        static string Options(IReadOnlyDictionary<string, string> o) =>
            string.Join(";", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return string.Join("|",
            d.Algorithm.Id, Options(d.Algorithm.Options), d.Problem.Id, Options(d.Problem.Options),
            d.Dimension.ToString(c),
            string.Join(",", d.Lower.Select(x => x.ToString("R", c))),
            string.Join(",", d.Upper.Select(x => x.ToString("R", c))),
            d.Islands?.ToString() ?? "");
    }

    /// <summary>"cmaes restarts=ipop on bbob-f01 instance=3 5-D (n=10)": algorithm and problem each with the
    /// options that differ from their defaults.</summary>
    public static string Label(RunDescription d, int count, OptionLabels? labels)
    {
        ArgumentNullException.ThrowIfNull(d);
        var algorithm = labels?.Label(d.Algorithm.Id, d.Algorithm.Options) ?? OptionLabels.Label(d.Algorithm.Id, d.Algorithm.Options, null);
        var problem = labels?.ProblemLabel(d.Problem.Id, d.Problem.Options) ?? OptionLabels.Label(d.Problem.Id, d.Problem.Options, null);
        return $"{algorithm} on {problem} {d.Dimension}-D (n={count})";
    }
}

using System.Globalization;
using Workbench.Engine.Running;

namespace Workbench.Reporting;

/// <summary>Runs that differ only by seed: same algorithm and options, problem and options, dimension and bounds.</summary>
public sealed record RunGroup(string Key, string Label, IReadOnlyList<RunData> Runs);

public static class RunGrouping
{
    /// <summary>Groups runs in the order their first member appears.</summary>
    public static IReadOnlyList<RunGroup> Group(IEnumerable<RunData> runs) =>
        runs.GroupBy(r => Key(r.Run.Description), StringComparer.Ordinal)
            .Select(g => new RunGroup(g.Key, Label(g.First().Run.Description, g.Count()), g.ToList()))
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

    private static string Label(RunDescription d, int count)
    {
        var options = string.Join(" ", d.Algorithm.Options.Where(o => o.Value.Length > 0).Take(3).Select(o => $"{o.Key}={o.Value}"));
        return $"{d.Algorithm.Id}{(options.Length > 0 ? " " + options : "")} on {d.Problem.Id} {d.Dimension}-D (n={count})";
    }
}

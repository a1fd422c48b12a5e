using System.Globalization;
using System.Text;
using Workbench.Engine.Archive;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Cli.Output;

/// <summary>The <c>wb run</c> command line that repeats a stored run: every option, the seed, the stopping criteria,
/// the workers, the bounds when they were overridden and the islands when used.</summary>
internal static class RepeatCommand
{
    public static string For(RunDescription d)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("wb run");
        Add(sb, "-a", d.Algorithm.Id);
        Add(sb, "-p", d.Problem.Id);
        Add(sb, "-d", d.Dimension.ToString(c));
        Add(sb, "--seed", d.Seed.ToString(c));
        foreach (var (key, value) in d.Algorithm.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Add(sb, "-o", $"{key}={value}");
        }

        foreach (var (key, value) in d.Problem.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Add(sb, "--problem-option", $"{key}={value}");
        }

        if (d.BoundsOverridden && d.Lower.Length > 0)
        {
            Add(sb, "--bounds", $"{d.Lower[0].ToString("R", c)}:{d.Upper[0].ToString("R", c)}");
        }

        var s = d.Stop;
        AddIf(sb, "--max-evals", s.MaxEvaluations?.ToString(c));
        AddIf(sb, "--max-iters", s.MaxIterations?.ToString(c));
        AddIf(sb, "--target", s.Target?.ToString("R", c));
        AddIf(sb, "--time-limit", s.TimeLimit?.TotalSeconds.ToString("R", c));
        AddIf(sb, "--stagnation", s.StagnationIterations?.ToString(c));
        Add(sb, "--workers", d.Workers.ToString(c));
        if (d.NonFinitePolicy == NonFinitePolicy.TreatAsWorst)
        {
            Add(sb, "--on-nonfinite", "worst");
        }

        if (d.Islands is { } i)
        {
            Add(sb, "--islands", i.Count.ToString(c));
            Add(sb, "--migration-interval", i.MigrationInterval.ToString(c));
            Add(sb, "--migration-rate", i.MigrationRate.ToString("R", c));
            Add(sb, "--topology", i.Topology.ToString().ToLowerInvariant());
        }

        return sb.ToString();
    }

    /// <summary>The <c>wb task run</c> that repeats a stored task run: task, seed and every option (the node count as
    /// <c>--nodes</c> when the task has that option). The time limit is not stored: it only decides when to give up.</summary>
    public static string For(TaskRunRecord t)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("wb task run");
        Add(sb, "--task", t.TaskId);
        if (t.Options.TryGetValue("nodes", out var nodes))
        {
            Add(sb, "--nodes", nodes);
        }

        Add(sb, "--seed", t.Seed.ToString(c));
        foreach (var (key, value) in t.Options.Where(o => o.Key != "nodes").OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Add(sb, "-o", $"{key}={value}");
        }

        return sb.ToString();
    }

    private static void AddIf(StringBuilder sb, string flag, string? value)
    {
        if (value is not null)
        {
            Add(sb, flag, value);
        }
    }

    private static void Add(StringBuilder sb, string flag, string value) => sb.Append(' ').Append(flag).Append(' ').Append(Quote(value));

    /// <summary>POSIX shell quoting, only where needed.</summary>
    private static string Quote(string value) =>
        value.Length > 0 && value.All(ch => char.IsAsciiLetterOrDigit(ch) || "-_.:=,+/@%".Contains(ch))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

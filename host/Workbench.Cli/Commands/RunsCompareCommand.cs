using System.CommandLine;
using System.Globalization;
using System.Text;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Engine.Specs;
using Workbench.Reporting;
using Workbench.Engine.Statistics;

namespace Workbench.Cli.Commands;

/// <summary><c>wb runs compare</c>: thresholds table side by side, overlay plot, CSV; <c>--group</c> merges seeds.</summary>
internal static class RunsCompareCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Database();
        var ids = RunsCommand.Ids("Run ids or unique prefixes");
        var by = new Option<CompareAxis>("--by") { Description = "x axis: evaluations (default), iterations or time", DefaultValueFactory = _ => CompareAxis.Evaluations };
        var png = new Option<string?>("--png") { Description = "Write the convergence plot to this PNG file" }.OutputFile();
        var csv = new Option<string?>("--csv") { Description = "Write the table to this CSV file" }.OutputFile();
        var group = new Option<bool>("--group") { Description = "Group runs that differ only by seed: medians and quartile bands" };
        var command = new Command("compare", "Compare runs: time to reach 1e-1 ... 1e-8 and an overlay plot") { ids, db, by, png, csv, group };
        command.SetAction(parse =>
        {
            List<RunData> runs;
            using (var store = RunsCommand.OpenReadOnly(parse, db))
            {
                runs = RunsEditCommands.Load(store, parse.GetValue(ids)!);
            }

            var axis = parse.GetValue(by);
            var table = ThresholdTable.Build(runs);
            var groups = parse.GetValue(group) ? GroupWithPluginDefaults(parse, runs) : null;
            Console.Out.Write(groups is null ? Text(table, axis) : GroupText(groups, axis));
            if (parse.GetValue(csv) is { } csvPath)
            {
                File.WriteAllText(csvPath, table.ToCsv());
                Console.Out.WriteLine($"table written to {csvPath}");
            }

            if (parse.GetValue(png) is { } pngPath)
            {
                if (groups is null)
                {
                    ConvergencePlot.SaveRunsPng(pngPath, runs, axis);
                }
                else
                {
                    ConvergencePlot.SaveGroupsPng(pngPath, groups, axis);
                }

                Console.Out.WriteLine($"plot written to {pngPath}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static string Text(ThresholdTable table, CompareAxis axis)
    {
        var c = CultureInfo.InvariantCulture;
        var headers = new List<string> { "RUN", "ALGORITHM", "PROBLEM", "BEST", "EVALS", "SECONDS", "STOP" };
        headers.AddRange(table.Thresholds.Select(t => "<=" + t.ToString("0e0", c)));
        var text = new TextTable([.. headers]);
        foreach (var row in table.Rows)
        {
            var d = row.Run.Run.Description;
            text.Add([row.Run.Run.Id[..12], d.Algorithm.Id, $"{d.Problem.Id} {d.Dimension}-D", row.Best.ToString("G6", c), row.Evaluations.ToString(c),
                row.Seconds.ToString("F3", c), row.Run.Run.StopReason?.ToString() ?? row.Run.Run.Status.ToString().ToLowerInvariant(),
                .. row.Hits.Select(h => h is null ? "-" : Format(h.On(axis), axis))]);
        }

        return Preamble(table.RelativeToOptimum, axis) + text;
    }

    private static string GroupText(IReadOnlyList<RunGroup> groups, CompareAxis axis)
    {
        var c = CultureInfo.InvariantCulture;
        var thresholds = ThresholdTable.DefaultThresholds;
        var text = new TextTable(["GROUP", "RUNS", "MEDIAN BEST", .. thresholds.Select(t => "<=" + t.ToString("0e0", c))]);
        var relative = true;
        foreach (var g in groups)
        {
            var table = ThresholdTable.Build(g.Runs);
            relative &= table.RelativeToOptimum;
            var best = table.Rows.Select(r => r.Best).Order().ToList();
            text.Add([g.Label, g.Runs.Count.ToString(c), Quantiles.Median(best).ToString("G6", c),
                .. thresholds.Select((_, k) => Median(table.Rows.Select(r => r.Hits[k]).ToList(), axis))]);
        }

        return Preamble(relative, axis) + "Median over the runs that reached each threshold (reached/total):\n" + text;
    }

    /// <summary>Groups labelled by the options that differ from each algorithm's defaults, which only the plugins know.</summary>
    private static IReadOnlyList<RunGroup> GroupWithPluginDefaults(ParseResult parse, List<RunData> runs)
    {
        using var host = WorkbenchHost.Open(parse);
        return RunGrouping.Group(runs, new OptionLabels(host.Catalog));
    }

    private static string Median(List<ThresholdHit?> hits, CompareAxis axis)
    {
        var reached = hits.Where(h => h is not null).Select(h => h!.On(axis)).Order().ToList();
        return reached.Count == 0 ? "-" : $"{Format(Quantiles.Median(reached), axis)} ({reached.Count}/{hits.Count})";
    }

    private static string Preamble(bool relative, CompareAxis axis)
    {
        var sb = new StringBuilder();
        sb.Append(relative ? "Thresholds are on best-so-far minus the known optimum. " : "Thresholds are on best-so-far itself (some problem has no known optimum). ");
        sb.Append(CultureInfo.InvariantCulture, $"Cells: {axis.ToString().ToLowerInvariant()} to first reach the threshold; - means never.\n");
        return sb.ToString();
    }

    private static string Format(double value, CompareAxis axis) =>
        axis == CompareAxis.Time ? value.ToString("F3", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);
}

using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Engine.Campaigns;
using Workbench.Engine.Specs;
using Workbench.Reporting.Campaigns;

namespace Workbench.Cli.Commands;

/// <summary><c>wb campaign report NAME [--out DIR]</c>: ERT tables, runtime ECDF PNGs and one offline HTML page.</summary>
internal static class CampaignReportCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The campaign's name (its file's name field)" };
        var output = new Option<string?>("--out") { Description = "Folder for index.html, ert.csv and the PNGs (default: campaign-NAME)" };
        var targets = new Option<string?>("--targets") { Description = "Precisions, comma-separated (default: 1e1,1e0,...,1e-8)" };
        var db = StoreOptions.Database();
        var command = new Command("report", "Write a campaign's report: ERT and success rates per function and dimension, runtime ECDFs per function group") { name, output, targets, db };
        command.SetAction(parse =>
        {
            var campaign = parse.GetValue(name)!;
            var targetList = ParseTargets(parse.GetValue(targets));
            List<CampaignTrial> trials;
            using (var host = WorkbenchHost.Open(parse))
            using (var store = RunsCommand.OpenReadOnly(parse, db))
            {
                var labels = new OptionLabels(host.Catalog);
                trials = CampaignArchive.Completed(store, campaign)
                    .Select(r => CampaignTrial.From(r, store.LoadHistory(r.Id), labels.Label(r.Description.Algorithm.Id, r.Description.Algorithm.Options)))
                    .ToList();
            }

            if (trials.Count == 0)
            {
                throw new UsageException($"campaign '{campaign}' has no completed runs in this run database (wb campaign run FILE records them)");
            }

            var report = CampaignReport.Build(campaign, trials, targetList);
            var index = CampaignHtml.Write(report, parse.GetValue(output) ?? $"campaign-{campaign}");
            Console.Out.WriteLine($"{trials.Count} runs, {report.Algorithms.Count} configuration(s): {index}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<double> ParseTargets(string? text)
    {
        if (text is null)
        {
            return CampaignDefinition.CocoTargets;
        }

        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t) || !(t > 0) || !double.IsFinite(t))
            {
                throw new UsageException($"--targets '{part}' is invalid: expected positive precisions such as 1e-8");
            }

            values.Add(t);
        }

        return values.Count > 0 ? values : throw new UsageException("--targets lists no precision");
    }
}

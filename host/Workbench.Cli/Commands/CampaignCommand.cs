using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Engine;
using Workbench.Engine.Campaigns;
using Workbench.Engine.Running;
using Workbench.Reporting.Campaigns;
using Workbench.Storage;

namespace Workbench.Cli.Commands;

/// <summary><c>wb campaign run FILE</c> and <c>wb campaign report NAME</c>: benchmark campaigns over cores and peers.</summary>
internal static class CampaignCommand
{
    public static Command Create()
    {
        var command = new Command("campaign", "Benchmark campaigns: many algorithms x problems x dimensions x instances, resumable, with COCO-style reports");
        command.Subcommands.Add(RunSubcommand());
        command.Subcommands.Add(CampaignReportCommand.Create());
        return command;
    }

    private static Command RunSubcommand()
    {
        var file = new Argument<string>("FILE") { Description = "Campaign file (.json, else YAML)" };
        var slots = new Option<int?>("--slots") { Description = "Runs at a time (default: this machine's cores)" };
        var db = StoreOptions.Database();
        var command = new Command("run", "Run a campaign's runs that are not completed yet, spread over this machine's cores (and peers)")
        {
            file, slots, db, ClusterOptions.Peers, ClusterOptions.NoLocal, ClusterOptions.OnPeerLoss,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var campaign = Load(path);
            var runs = Expand(path, campaign);
            var slotCount = parse.GetValue(slots) ?? CampaignRunner.DefaultSlots;
            if (slotCount < 1)
            {
                throw new UsageException($"--slots must be at least 1, got {slotCount}");
            }

            var evaluation = CampaignRunner.EvaluationFor(ClusterOptions.PeerTexts(parse), !parse.GetValue(ClusterOptions.NoLocal), parse.GetValue(ClusterOptions.OnPeerLoss));
            using var host = WorkbenchHost.Open(parse);
            var planner = new RunPlanner(host.Catalog, host.Evaluators);
            try
            {
                CampaignRunner.Check(planner, runs);
            }
            catch (RunSetupException ex)
            {
                throw new UsageException($"{path}: {SettingFlags.Explain(ex)}");
            }

            using var store = RunStore.OpenForWriting(StoreOptions.Path(parse, db));
            var runner = new CampaignRunner(planner, () => store.CreateRecorder(), evaluation, slotCount);
            var pending = CampaignPlan.Pending(runs, CampaignArchive.CompletedKeys(store, campaign.Name));
            var where = evaluation.Peers.Count > 0 ? $"{slotCount} slots, evaluations on {evaluation.Peers.Count} peer(s){(evaluation.UseLocal ? " and here" : "")}" : $"{slotCount} slots";
            Console.Out.WriteLine($"campaign {campaign.Name}: {runs.Count} runs, {runs.Count - pending.Count} already completed, {pending.Count} to run on {where}");
            var bar = new CampaignProgressBar(Console.Error, terminal: !Console.IsErrorRedirected);
            var outcome = await runner.RunAsync(pending, bar, cancellationToken);
            bar.Clear();
            Console.Out.WriteLine($"{outcome.Done} runs finished in {outcome.Elapsed.TotalSeconds:F1} s ({outcome.Failed} failed){(outcome.Cancelled ? $", stopped with {outcome.NotRun} not done: run the same command to resume" : "")}; report: wb campaign report {campaign.Name}");
            return outcome.Cancelled ? ExitCodes.Cancelled : outcome.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<CampaignRun> Expand(string path, CampaignDefinition campaign)
    {
        try
        {
            return CampaignPlan.Expand(campaign);
        }
        catch (CampaignException ex)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }
    }

    private static CampaignDefinition Load(string path)
    {
        try
        {
            return CampaignFile.Load(path);
        }
        catch (CampaignFileException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}

using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Engine.Campaigns;

/// <summary>A campaign's runs in the run store: found by the campaign's tag, told apart by their run-key tag.</summary>
public static class CampaignArchive
{
    /// <summary>The keys of the campaign's completed runs. Only <see cref="RunStatus.Completed"/> counts: a run
    /// killed mid-way (shown as interrupted) or failed is run again, from the start, on resume.</summary>
    public static IReadOnlySet<string> CompletedKeys(IRunArchive archive, string campaign) =>
        Completed(archive, campaign).Select(r => CampaignTags.KeyOf(r.Description.Tags)!).ToHashSet(StringComparer.Ordinal);

    /// <summary>One completed record per run key (the earliest, should a key ever have been completed twice).</summary>
    public static IReadOnlyList<RunRecord> Completed(IRunArchive archive, string campaign)
    {
        ArgumentNullException.ThrowIfNull(archive);
        return archive.List(new RunQuery { Tag = CampaignTags.Campaign(campaign), Status = RunStatus.Completed })
            .Where(r => CampaignTags.KeyOf(r.Description.Tags) is not null)
            .OrderBy(r => r.Description.StartedAt)
            .DistinctBy(r => CampaignTags.KeyOf(r.Description.Tags))
            .ToList();
    }
}

namespace Workbench.Engine.Campaigns;

/// <summary>The runs of a campaign in a fixed order (algorithm, option set, problem, dimension, instance, seed), and
/// which of them are still to do given the keys already completed.</summary>
public static class CampaignPlan
{
    public static IReadOnlyList<CampaignRun> Expand(CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        campaign.Validate();
        int?[] instances = campaign.Instances.Count == 0 ? [null] : campaign.Instances.Select(i => (int?)i).ToArray();
        var smallest = campaign.Targets.Min();
        var runs = new List<CampaignRun>();
        foreach (var algorithm in campaign.Algorithms)
        {
            foreach (var options in algorithm.OptionSets)
            {
                foreach (var problem in campaign.Problems)
                {
                    foreach (var dimension in campaign.Dimensions)
                    {
                        var budget = (long)Math.Ceiling(campaign.Budget * dimension);
                        foreach (var instance in instances)
                        {
                            runs.AddRange(campaign.Seeds.Select(seed =>
                                new CampaignRun(campaign.Name, algorithm.Id, options, problem, dimension, instance, seed, budget, smallest)));
                        }
                    }
                }
            }
        }

        var duplicate = runs.GroupBy(r => r.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CampaignException("algorithms", $"two option sets describe the same run ({duplicate.First()})");
        }

        return runs;
    }

    /// <summary>The runs whose key is not among <paramref name="completedKeys"/>, in plan order.</summary>
    public static IReadOnlyList<CampaignRun> Pending(IReadOnlyList<CampaignRun> runs, IReadOnlySet<string> completedKeys) =>
        runs.Where(r => !completedKeys.Contains(r.Key)).ToList();
}

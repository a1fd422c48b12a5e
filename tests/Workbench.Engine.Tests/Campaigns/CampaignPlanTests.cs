using Workbench.Engine.Campaigns;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Engine.Tests.Campaigns;

public sealed class CampaignPlanTests
{
    private static CampaignDefinition Campaign => new()
    {
        Name = "demo",
        Algorithms = [new CampaignAlgorithm("cmaes", [new Dictionary<string, string>(), new Dictionary<string, string> { ["restarts"] = "ipop" }])],
        Problems = ["bbob-f01", "bbob-f02"],
        Dimensions = [2, 5],
        Instances = [1, 2, 3],
        Seeds = [1],
        Budget = 100,
    };

    [Fact]
    public void Every_combination_is_one_run_with_its_budget_and_the_smallest_target()
    {
        var runs = CampaignPlan.Expand(Campaign);
        Assert.Equal(2 * 2 * 2 * 3, runs.Count);
        Assert.Equal(24, runs.Select(r => r.Key).Distinct().Count());
        var first = runs[0];
        Assert.Equal(("cmaes", "bbob-f01", 2, 1, 200L, 1e-8), (first.AlgorithmId, first.ProblemId, first.Dimension, first.Instance, first.MaxEvaluations, first.SmallestTarget));
        var request = first.ToRequest(new EvaluationSettings());
        Assert.Equal("1", request.ProblemOptions["instance"]);
        Assert.Equal(["campaign:demo", "campaign-run:" + first.Key], request.Tags);
    }

    [Fact]
    public void The_key_depends_on_the_description_only_not_on_option_order_or_campaign_name()
    {
        var a = new CampaignRun("x", "cmaes", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, "bbob-f01", 5, 1, 7, 500, 1e-8);
        var b = new CampaignRun("y", "cmaes", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, "bbob-f01", 5, 1, 7, 500, 1e-8);
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, (a with { Seed = 8 }).Key);
        Assert.NotEqual(a.Key, (a with { Instance = 2 }).Key);
        Assert.NotEqual(a.Key, (a with { MaxEvaluations = 501 }).Key);
        // A pinned value: the key is stored in run tags, so changing the hash would orphan every stored campaign.
        Assert.Equal("ba446e5f6a24c9e9", a.Key);
    }

    [Fact]
    public void Completed_keys_are_not_pending()
    {
        var runs = CampaignPlan.Expand(Campaign);
        var done = runs.Take(5).Select(r => r.Key).ToHashSet();
        var pending = CampaignPlan.Pending(runs, done);
        Assert.Equal(runs.Skip(5), pending);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("name/")]
    [InlineData("budget")]
    [InlineData("dimensions")]
    [InlineData("targets")]
    [InlineData("seeds")]
    public void A_bad_field_is_named(string field)
    {
        var bad = field switch
        {
            "name" => Campaign with { Name = "two words" },
            "name/" => Campaign with { Name = "../up" },
            "budget" => Campaign with { Budget = 0 },
            "dimensions" => Campaign with { Dimensions = [2, 2] },
            "targets" => Campaign with { Targets = [1e-8, -1] },
            _ => Campaign with { Seeds = [] },
        };
        Assert.Equal(field.TrimEnd('/'), Assert.Throws<CampaignException>(() => CampaignPlan.Expand(bad)).Field);
    }

    [Fact]
    public void Two_option_sets_that_describe_the_same_run_are_refused()
    {
        var twice = Campaign with { Algorithms = [new CampaignAlgorithm("cmaes", [new Dictionary<string, string>(), new Dictionary<string, string>()])] };
        Assert.Equal("algorithms", Assert.Throws<CampaignException>(() => CampaignPlan.Expand(twice)).Field);
    }

    [Fact]
    public void Bbob_ids_fall_into_cocos_five_groups()
    {
        Assert.Equal(7, FunctionGroups.BbobNumber("bbob-f07"));
        Assert.Null(FunctionGroups.BbobNumber("sphere"));
        Assert.Null(FunctionGroups.BbobNumber("bbob-f25"));
        var counts = FunctionGroups.Bbob.Select(g => Enumerable.Range(1, 24).Count(n => g.Contains($"bbob-f{n:00}"))).ToArray();
        Assert.Equal([5, 4, 5, 5, 5], counts);
    }
}

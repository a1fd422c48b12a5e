using Workbench.Reporting.Campaigns;
using Xunit;

namespace Workbench.Reporting.Tests.Campaigns;

public sealed class CampaignFileTests
{
    private const string Yaml = """
        name: demo
        algorithms:
          - cmaes
          - id: cmaes
            options:
              - { restarts: ipop }
              - { restarts: bipop, active: false }
        problems: [bbob-f01, bbob-f02]
        dimensions: [2, 5]
        instances: 1-3
        seeds: [1, 2]
        budget: 1e3
        targets: [1e-1, 1e-8]
        """;

    [Fact]
    public void Yaml_and_json_describe_the_same_campaign()
    {
        var yaml = CampaignFile.Parse(Yaml, json: false, "c.yaml");
        var json = CampaignFile.Parse("""
            {"name": "demo", "algorithms": ["cmaes", {"id": "cmaes", "options": [{"restarts": "ipop"}, {"restarts": "bipop", "active": false}]}],
             "problems": ["bbob-f01", "bbob-f02"], "dimensions": [2, 5], "instances": "1-3", "seeds": [1, 2], "budget": 1000,
             "targets": [0.1, 1e-8]}
            """, json: true, "c.json");
        Assert.Equal("demo", yaml.Name);
        Assert.Equal([1, 2, 3], yaml.Instances);
        Assert.Equal(1000.0, yaml.Budget);
        Assert.Equal([0.1, 1e-8], yaml.Targets);
        Assert.Equal("false", yaml.Algorithms[1].OptionSets[1]["active"]);
        foreach (var campaign in new[] { yaml, json })
        {
            Assert.Equal(["cmaes", "cmaes"], campaign.Algorithms.Select(a => a.Id));
            Assert.Empty(campaign.Algorithms[0].OptionSets.Single());
        }

        Assert.Equal(yaml.Algorithms[1].OptionSets.Select(o => string.Join(",", o.OrderBy(p => p.Key))), json.Algorithms[1].OptionSets.Select(o => string.Join(",", o.OrderBy(p => p.Key))));
        Assert.Equal((yaml.Problems, yaml.Dimensions, yaml.Seeds, yaml.Instances), (json.Problems, json.Dimensions, json.Seeds, json.Instances), new SequencesEqual());
    }

    [Theory]
    [InlineData("name: demo\nalgorithms: [cmaes]\nproblems: [sphere]\ndimensions: [2]\n", "c.yaml: budget: is missing")]
    [InlineData("name: demo\nalgorithms: [cmaes]\nproblems: [sphere]\ndimensions: [2, x]\nbudget: 10\n", "c.yaml: dimensions[1]: must be a number, got \"x\"")]
    [InlineData("name: demo\nalgorithms: [{id: cmaes, option: {}}]\nproblems: [sphere]\ndimensions: [2]\nbudget: 10\n", "c.yaml: algorithms[0].option: unknown field (expected id and options)")]
    [InlineData("name: demo\nalgoritms: [cmaes]\n", "c.yaml: algoritms: unknown field (expected one of name, algorithms, problems, dimensions, instances, seeds, budget, targets)")]
    [InlineData("name: demo\nalgorithms: [cmaes]\nproblems: [sphere]\ndimensions: [2]\nbudget: 0.5\n", "c.yaml: budget: must be a number of evaluations per dimension of at least 1, got 0.5")]
    [InlineData("- just\n- a list\n", "c.yaml: (top): must be a mapping with name, algorithms, problems, dimensions and budget")]
    public void A_wrong_file_is_one_line_naming_the_file_and_the_field(string text, string message)
    {
        var error = Assert.Throws<CampaignFileException>(() => CampaignFile.Parse(text, json: false, "c.yaml"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Broken_syntax_and_a_missing_file_are_one_line_each()
    {
        var json = Assert.Throws<CampaignFileException>(() => CampaignFile.Parse("{\"name\": ", json: true, "c.json"));
        Assert.StartsWith("c.json: not valid JSON: ", json.Message);
        var yaml = Assert.Throws<CampaignFileException>(() => CampaignFile.Parse("name: [unclosed", json: false, "c.yaml"));
        Assert.StartsWith("c.yaml: not valid YAML: ", yaml.Message);
        Assert.DoesNotContain('\n', yaml.Message);
        var missing = Assert.Throws<CampaignFileException>(() => CampaignFile.Load("/nonexistent/c.yaml"));
        Assert.StartsWith("/nonexistent/c.yaml: cannot read the campaign file", missing.Message);
    }

    private sealed class SequencesEqual : IEqualityComparer<(IReadOnlyList<string>, IReadOnlyList<int>, IReadOnlyList<ulong>, IReadOnlyList<int>)>
    {
        public bool Equals((IReadOnlyList<string>, IReadOnlyList<int>, IReadOnlyList<ulong>, IReadOnlyList<int>) x, (IReadOnlyList<string>, IReadOnlyList<int>, IReadOnlyList<ulong>, IReadOnlyList<int>) y) =>
            x.Item1.SequenceEqual(y.Item1) && x.Item2.SequenceEqual(y.Item2) && x.Item3.SequenceEqual(y.Item3) && x.Item4.SequenceEqual(y.Item4);

        public int GetHashCode((IReadOnlyList<string>, IReadOnlyList<int>, IReadOnlyList<ulong>, IReadOnlyList<int>) obj) => 0;
    }
}

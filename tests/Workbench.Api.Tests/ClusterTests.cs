using Workbench.Contracts.Tasks;
using Workbench.Engine;
using Xunit;

namespace Workbench.Api.Tests;

public sealed class ClusterTests
{
    [Fact]
    public void Map_runs_a_catalog_job_with_outputs_in_input_order()
    {
        var result = Cluster.Map("zero", 500);
        Assert.True(result.Succeeded);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), result.Jobs.Select(j => j.Output!.AsInteger()));
    }

    [Fact]
    public void Map_takes_options_and_reports_failed_jobs()
    {
        var result = Cluster.Map("zero", Enumerable.Range(0, 10).Select(i => TaskValue.FromInteger(i)), ("fail-every", "5"));
        Assert.Equal([4, 9], result.FailedIndices);
    }

    [Fact]
    public async Task Lif_outputs_do_not_depend_on_the_slot_count()
    {
        var options = new MapOptions { JobOptions = new Dictionary<string, string> { ["neurons"] = "50", ["duration-ms"] = "50" } };
        var inputs = Enumerable.Range(0, 6).Select(i => TaskValue.FromInteger(i)).ToArray();
        var one = await Cluster.MapAsync("lif", inputs, options with { Slots = 1 });
        var three = await Cluster.MapAsync("lif", inputs, options with { Slots = 3 });
        Assert.Equal(one.Jobs.Select(j => j.Output), three.Jobs.Select(j => j.Output));
    }

    [Fact]
    public void An_unknown_job_lists_the_valid_ones()
    {
        var ex = Assert.Throws<RunSetupException>(() => Cluster.Map("nope", 1));
        Assert.Contains("valid: lif, sleep, zero", ex.Message, StringComparison.Ordinal);
    }
}

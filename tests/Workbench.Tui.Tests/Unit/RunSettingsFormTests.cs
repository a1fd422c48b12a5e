using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Engine.Running;
using Workbench.Tui.Forms;

namespace Workbench.Tui.Tests.Unit;

public sealed class RunSettingsFormTests
{
    private static readonly OptionForm None = new("x", OptionSchema.Empty);

    [Fact]
    public void Defaults_make_the_same_request_as_wb_run_without_limits()
    {
        var form = new RunSettingsForm(42);
        var request = form.ToRequest("pso", None, "sphere", None, DimensionRange.Any, out var errors);
        Assert.Empty(errors);
        Assert.NotNull(request);
        Assert.Equal(42UL, request.Seed);
        Assert.Equal(10, request.Dimension);
        Assert.Equal(RunDefaults.WithDefaultBudget(new StopCriteria(), 10), request.Stop);
        Assert.Null(request.Islands);
        Assert.Equal(DeviceChoice.Auto, request.Evaluation.Device);
    }

    [Fact]
    public void Peers_typed_in_the_form_reach_the_request_and_a_blank_is_this_machine_alone()
    {
        var form = new RunSettingsForm(1);
        form.Peers.Text = "desk1:7760, 10.0.0.7 ,desk3";
        var request = form.ToRequest("ga", None, "sphere", None, DimensionRange.Any, out _)!;
        Assert.Equal(["desk1:7760", "10.0.0.7", "desk3"], request.Evaluation.Peers);
        form.Peers.Text = "";
        Assert.Empty(form.ToRequest("ga", None, "sphere", None, DimensionRange.Any, out _)!.Evaluation.Peers);
        form.Peers.Text = "desk 1";
        Assert.NotNull(form.Peers.Error);
    }

    [Fact]
    public void Every_setting_reaches_the_request()
    {
        var form = new RunSettingsForm(1);
        form.Dimension.Text = "5";
        form.MaxEvaluations.Text = "5000";
        form.Target.Text = "1e-8";
        form.TimeLimit.Text = "2.5";
        form.Workers.Text = "1";
        form.Device.Text = "cpu";
        form.Islands.Text = "4";
        form.Topology.Text = "full";
        var request = form.ToRequest("ga", None, "sphere", None, DimensionRange.Any, out _)!;
        Assert.Equal(5, request.Dimension);
        Assert.Equal(new StopCriteria { MaxEvaluations = 5000, Target = 1e-8, TimeLimit = TimeSpan.FromSeconds(2.5) }, request.Stop);
        Assert.Equal(1, request.Evaluation.Workers);
        Assert.Equal(DeviceChoice.Cpu, request.Evaluation.Device);
        // The island defaults are the Engine's, the same as wb run's.
        Assert.Equal(new IslandSettings(4, IslandSettings.DefaultInterval, IslandSettings.DefaultRate, MigrationTopology.FullyConnected), request.Islands);
    }

    [Theory]
    [InlineData("dim", "0")]
    [InlineData("seed", "-1")]
    [InlineData("max-evals", "ten")]
    [InlineData("time-limit", "0")]
    [InlineData("workers", "")]
    [InlineData("device", "tpu")]
    [InlineData("migr-rate", "2")]
    public void Bad_settings_are_flagged_and_block_the_run(string name, string text)
    {
        var form = new RunSettingsForm(1);
        var field = form.Fields.Single(f => f.Name == name);
        field.Text = text;
        Assert.NotNull(field.Error);
        Assert.Null(form.ToRequest("pso", None, "sphere", None, DimensionRange.Any, out var errors));
        Assert.Single(errors);
    }

    [Fact]
    public void Dimension_is_checked_against_the_problem()
    {
        var form = new RunSettingsForm(1);
        form.Dimension.Text = "3";
        Assert.Null(form.ToRequest("pso", None, "ackley", None, new DimensionRange(2, 2), out var errors));
        Assert.Contains("takes dimension 2..2", Assert.Single(errors));
    }

    [Fact]
    public void New_seed_replaces_the_seed()
    {
        var form = new RunSettingsForm(7);
        form.NewSeed();
        Assert.NotEqual("7", form.Seed.Text);
        Assert.Null(form.Seed.Error);
    }
}

using Workbench.Tui.Runs;

namespace Workbench.Tui.Tests.Unit;

public sealed class RunsModelTests
{
    private static RunRow Row(string id, string alg, string problem, double best, ulong seed = 1, string config = "", int day = 1) =>
        new(id, alg, problem, 10, "completed", best, 1000, new DateTimeOffset(2026, 1, day, 0, 0, 0, TimeSpan.Zero), ["t"], seed, config);

    [Fact]
    public void Filter_words_must_all_match_some_column_and_sorting_toggles()
    {
        var model = new RunTableModel();
        model.SetRows([Row("1", "pso", "sphere", 3, day: 1), Row("2", "cmaes", "sphere", 1, day: 2), Row("3", "pso", "ackley", 2, day: 3)]);
        Assert.Equal(["3", "2", "1"], model.Visible().Select(r => r.Id));
        model.Filter = "PSO sph";
        Assert.Equal(["1"], model.Visible().Select(r => r.Id));
        model.Filter = "";
        model.SortBy(4);
        Assert.Equal(["2", "3", "1"], model.Visible().Select(r => r.Id));
        model.SortBy(4);
        Assert.Equal(["1", "3", "2"], model.Visible().Select(r => r.Id));
    }

    [Fact]
    public void Marks_toggle_and_forget_deleted_runs()
    {
        var model = new RunTableModel();
        model.SetRows([Row("1", "pso", "sphere", 3), Row("2", "ga", "sphere", 3)]);
        model.ToggleMark("1");
        model.ToggleMark("2");
        model.ToggleMark("2");
        Assert.Equal(["1"], model.Marked);
        model.SetRows([Row("2", "ga", "sphere", 3)]);
        Assert.Empty(model.Marked);
    }

    [Fact]
    public void Runs_differing_only_in_seed_form_one_group()
    {
        var groups = SeedGroups.Of([
            Row("1", "pso", "sphere", 1, seed: 1), Row("2", "pso", "sphere", 2, seed: 2), Row("3", "pso", "sphere", 3, seed: 3),
            Row("4", "pso", "sphere", 1, seed: 1, config: "w=0.5"), Row("5", "ga", "sphere", 1),
        ]);
        Assert.Equal([3, 1, 1], groups.Select(g => g.Runs.Count));
        Assert.Equal("pso/sphere/d10 (median of 3)", groups[0].Label);
    }

    [Fact]
    public void A_group_is_named_by_its_label_of_non_default_options()
    {
        var ipop = Row("1", "cmaes", "bbob-f01", 1, config: "restarts=ipop|instance=2") with { GroupLabel = "cmaes restarts=ipop/bbob-f01 instance=2" };
        var groups = SeedGroups.Of([ipop, ipop with { Id = "2", Seed = 2 }]);
        Assert.Equal("cmaes restarts=ipop/bbob-f01 instance=2/d10 (median of 2)", Assert.Single(groups).Label);
    }

    [Fact]
    public void Median_curve_is_the_shared_step_band_on_the_shared_grid()
    {
        IReadOnlyList<(double X, double Y)>[] curves =
        [
            [(10, 9), (20, 5)],
            [(10, 7), (30, 1)],
            [(10, 8), (20, 6), (30, 4)],
        ];
        var median = SeedGroups.MedianCurve(curves);
        var band = Workbench.Engine.Statistics.StepCurves.Band(curves);
        Assert.Equal(band.X, median.Select(p => p.X));
        Assert.Equal(band.Median, median.Select(p => p.Y));
        Assert.Equal((10.0, 8.0), median[0]);
        Assert.Equal((30.0, 4.0), median[^1]);
    }

    [Fact]
    public void Comparison_table_text_aligns_columns()
    {
        var text = TableText.Format(new TextTableData(["run", "best"], [["a1", "0.5"], ["b", "12"]]));
        Assert.Equal("run  best\na1   0.5\nb    12", text);
    }
}

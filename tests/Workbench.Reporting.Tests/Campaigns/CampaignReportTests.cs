using Workbench.Reporting.Campaigns;
using Xunit;

namespace Workbench.Reporting.Tests.Campaigns;

public sealed class CampaignReportTests
{
    /// <summary>fopt = 10; best-so-far rows at evaluations 10, 20, 30, 40 in 2-D.</summary>
    private static CampaignTrial Trial(string algorithm, string problem, double[] best, long used = 40) =>
        new(algorithm, problem, 2, "1", 1, 10, used, [10, 20, 30, 40], best);

    private static readonly CampaignTrial[] Trials =
    [
        Trial("a", "bbob-f01", [20, 11, 10.05, 10.0]),    // precision 1 at 20, 1e-1 at 30, 1e-8 at 40
        Trial("a", "bbob-f01", [15, 10.5, 10.5, 10.5]),  // precision 1 at 20, never 1e-1
        Trial("a", "bbob-f10", [30, 30, 30, 30], used: 100), // nothing; used 100 in all
        Trial("b", "bbob-f01", [10.5, 10.0, 10.0, 10.0], used: 20),
    ];

    [Fact]
    public void Ert_per_function_and_target_matches_the_hand_computation()
    {
        var report = CampaignReport.Build("t", Trials, [1, 0.1, 1e-8]);
        var a = report.Erts.Where(e => e.Algorithm == "a" && e.Problem == "bbob-f01").ToArray();
        Assert.Equal([20.0, 70.0, 80.0], a.Select(e => e.Ert.Value)); // (20+20)/2, (30+40)/1, (40+40)/1
        Assert.Equal([2, 1, 1], a.Select(e => e.Ert.Successes));
        Assert.All(report.Erts.Where(e => e.Problem == "bbob-f10"), e => Assert.Equal(double.PositiveInfinity, e.Ert.Value));
        Assert.Equal([10.0, 20, 20], report.Erts.Where(e => e.Algorithm == "b").Select(e => e.Ert.Value));
    }

    [Fact]
    public void The_final_precision_is_the_median_over_runs_with_a_bootstrap_interval_around_it()
    {
        var report = CampaignReport.Build("t", Trials, [1e-8]);
        var a = report.Finals.Single(f => f.Algorithm == "a" && f.Problem == "bbob-f01").Median;
        Assert.Equal(0.25, a.Estimate); // final precisions 0 and 0.5
        Assert.Equal((0.0, 0.5), (a.Lower, a.Upper));
        Assert.Equal(20.0, report.Finals.Single(f => f.Problem == "bbob-f10").Median.Estimate);
    }

    [Fact]
    public void Ecdf_aggregates_over_a_group_and_over_all_functions()
    {
        var report = CampaignReport.Build("t", Trials, [1, 0.1, 1e-8]);
        var separable = report.Ecdfs.Single(c => c.Group.Id == "separable" && c.Algorithm == "a");
        Assert.Equal(6, separable.Pairs);
        // Runtimes per dimension of the 6 (run, target) pairs: 10, 15, 20 and 10, -, -; budgets are 10^(k/10).
        Assert.Equal([0.0, 2.0 / 6, 3.0 / 6, 4.0 / 6, 4.0 / 6], new[] { 7.95, 10, 15.9, 25.2, 100 }.Select(b => Share(separable, b)));
        var all = report.Ecdfs.Single(c => c.Group.Id == "all" && c.Algorithm == "a");
        Assert.Equal(9, all.Pairs);
        Assert.Equal(4.0 / 9, all.Shares[^1], 12);
        Assert.DoesNotContain(report.Ecdfs, c => c.Group.Id == "multimodal");
    }

    [Fact]
    public void The_html_page_and_csv_hold_every_cell_and_the_pngs_exist()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wb-campaign-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = CampaignReport.Build("t", Trials, [1, 0.1, 1e-8]);
            var index = CampaignHtml.Write(report, folder);
            var html = File.ReadAllText(index);
            Assert.Contains("<h3>bbob-f01, 2-D</h3>", html);
            Assert.Contains("<td>70 1/2</td>", html);
            Assert.Contains("<td>2.5e-1 [0.0e+0, 5.0e-1]</td>", html);
            Assert.DoesNotContain("http", html);
            Assert.True(new FileInfo(Path.Combine(folder, "ecdf-separable-2d.png")).Length > 1000);
            var csv = File.ReadAllLines(Path.Combine(folder, "ert.csv"));
            Assert.Equal(1 + report.Erts.Count, csv.Length);
            Assert.Contains("a,bbob-f10,2,1,inf,0,1", csv);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The curve's value at a budget: the step at the last grid budget at or below it.</summary>
    private static double Share(EcdfCurve curve, double budget) =>
        curve.Shares[Array.FindLastIndex(curve.Budgets, b => b <= budget * (1 + 1e-12))];
}

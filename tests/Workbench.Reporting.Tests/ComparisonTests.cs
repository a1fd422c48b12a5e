using System.Globalization;
using Xunit;

namespace Workbench.Reporting.Tests;

public sealed class ComparisonTests
{
    [Fact]
    public void Threshold_table_finds_the_first_row_at_or_below_each_threshold()
    {
        var run = Runs.Make([1, 0.5, 0.1, 0.05, 0.009, 1e-3, 1e-9], optimum: 0);
        var shifted = Runs.Make([11, 10.5, 10.01], optimum: 10); // gaps 1, 0.5, 0.01
        var table = ThresholdTable.Build([run, shifted]);
        var hits = table.Rows[0].Hits;
        Assert.Equal([30L, 50, 60, 70, 70, 70, 70, 70], hits.Select(h => h!.Evaluations));
        Assert.Equal([3L, 5, 6, 7, 7, 7, 7, 7], hits.Select(h => h!.Iterations));
        Assert.Equal(1.5, hits[0]!.Seconds);
        Assert.Equal([30L, 30], table.Rows[1].Hits.Take(2).Select(h => h!.Evaluations));
        Assert.All(table.Rows[1].Hits.Skip(2), h => Assert.Null(h));
        Assert.True(table.RelativeToOptimum);
        Assert.False(ThresholdTable.Build([Runs.Make([1, 0.01], optimum: null), run]).RelativeToOptimum);
    }

    [Fact]
    public void Runs_differing_only_by_seed_share_a_group_and_bands_are_exact_quartiles()
    {
        var a = Runs.Make([4, 2, 1], seed: 1);
        var b = Runs.Make([8, 4, 2], seed: 2);
        var c = Runs.Make([16, 8], seed: 3);
        var other = Runs.Make([1, 1, 1], seed: 1, sigma: "0.9");
        var groups = RunGrouping.Group([a, other, b, c]);
        Assert.Equal(2, groups.Count);
        Assert.Equal([a, b, c], groups[0].Runs);
        Assert.Equal([other], groups[1].Runs);

        var band = BandCurve.Build(groups[0].Runs, CompareAxis.Evaluations, points: 3); // x = 10, 20, 30
        Assert.Equal([10.0, 20, 30], band.X);
        Assert.Equal([8.0, 4, 2], band.Median); // c keeps its final value 8 at x = 30
        Assert.Equal([6.0, 3, 1.5], band.Lower);
        Assert.Equal([12.0, 6, 5], band.Upper);
    }

    [Fact]
    public void Csv_export_parses_back_to_the_same_numbers_bit_for_bit()
    {
        var run = Runs.Make([Math.PI, 1.0 / 3, 1e-300, double.Epsilon, 0.1 + 0.2]);
        var lines = HistoryExport.ToCsv([run]).TrimEnd('\n').Split('\n');
        Assert.Equal("run_id,algorithm,problem,seed,iteration,evaluations,best,iteration_best,mean,elapsed,sigma", lines[0]);
        for (var i = 0; i < run.History.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(run.Run.Id, cells[0]);
            Assert.Equal(run.History.Evaluations[i], long.Parse(cells[5], CultureInfo.InvariantCulture));
            Assert.Equal(run.History.Best[i], double.Parse(cells[6], CultureInfo.InvariantCulture));
            Assert.Equal(run.History.IterationBest[i], double.Parse(cells[7], CultureInfo.InvariantCulture));
            Assert.Equal(run.History.Mean[i], double.Parse(cells[8], CultureInfo.InvariantCulture));
            Assert.Equal(run.History.Elapsed[i], double.Parse(cells[9], CultureInfo.InvariantCulture));
            Assert.Equal(run.History.Extras["sigma"][i], double.Parse(cells[10], CultureInfo.InvariantCulture));
        }

        var table = ThresholdTable.Build([run]).ToCsv().Split('\n')[1].Split(',');
        Assert.Equal(run.History.Best[^1], double.Parse(table[7], CultureInfo.InvariantCulture));
    }
}

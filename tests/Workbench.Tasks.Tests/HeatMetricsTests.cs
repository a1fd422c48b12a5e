using Workbench.Engine.Tasks;
using Workbench.Problems.HeatEquation;

namespace Workbench.Tasks.Tests;

/// <summary>The fast metrics must equal their plain definitions bit for bit, whatever the field.</summary>
public sealed class HeatMetricsTests
{
    private static double[] Field(int grid, int steps, int nodes = 2)
    {
        var options = new Dictionary<string, string> { ["grid"] = grid.ToString(), ["steps"] = steps.ToString() };
        return new TaskRunner().Run(new HeatTaskFactory(), options, 1, nodes).Result.Value.AsReals().ToArray();
    }

    private static double Time(int grid, int steps) => steps * new HeatOptions { Grid = grid }.TimeStep;

    [Theory]
    [InlineData(67, 0)]
    [InlineData(67, 120)]
    [InlineData(101, 7)]
    [InlineData(201, 500)]
    public void The_max_error_is_the_plain_one(int grid, int steps)
    {
        var field = Field(grid, steps);
        var t = Time(grid, steps);
        var plain = HeatMetrics.PlainMaxError(field, grid, t, 0.1);
        Assert.Equal(BitConverter.DoubleToInt64Bits(plain), BitConverter.DoubleToInt64Bits(HeatMetrics.MaxError(field, grid, t, 0.1)));
    }

    [Fact]
    public void Perturbed_and_non_finite_fields_give_the_plain_max_error()
    {
        var field = Field(67, 30);
        var t = Time(67, 30);
        var random = new Random(5);
        for (var trial = 0; trial < 20; trial++)
        {
            field[random.Next(field.Length)] += (random.NextDouble() - 0.5) * Math.Pow(10, -random.Next(3, 16));
            Assert.Equal(HeatMetrics.PlainMaxError(field, 67, t, 0.1), HeatMetrics.MaxError(field, 67, t, 0.1));
        }

        foreach (var bad in new[] { double.NaN, double.PositiveInfinity })
        {
            var copy = (double[])field.Clone();
            copy[67 * 33] = bad;
            Assert.Equal(HeatMetrics.PlainMaxError(copy, 67, t, 0.1), HeatMetrics.MaxError(copy, 67, t, 0.1));
        }
    }

    [Fact]
    public void The_peak_is_enumerable_max()
    {
        var field = Field(67, 40);
        Assert.Equal(field.Max(), HeatMetrics.Peak(field));
        double[][] odd = [[double.NaN, 1, 2], [double.NaN, double.NaN], [0.0, -0.0], [-0.0, 0.0, double.NaN, -1]];
        Assert.All(odd, values => Assert.Equal(BitConverter.DoubleToInt64Bits(values.Max()), BitConverter.DoubleToInt64Bits(HeatMetrics.Peak(values))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_task_reports_the_plain_metrics_on_any_node_count(int nodes)
    {
        var options = new Dictionary<string, string> { ["grid"] = "67", ["steps"] = "90" };
        var result = new TaskRunner().Run(new HeatTaskFactory(), options, 1, nodes).Result;
        var field = result.Value.AsReals().ToArray();
        var metrics = result.Metrics.ToDictionary(m => m.Name, m => m.Value);
        Assert.Equal(field.Max(), metrics["peak"]);
        Assert.Equal(HeatMetrics.PlainMaxError(field, 67, Time(67, 90), 0.1), metrics["max error vs analytic"]);
    }
}

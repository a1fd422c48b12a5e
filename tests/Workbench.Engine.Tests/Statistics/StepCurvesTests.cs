using Workbench.Engine.Statistics;
using Xunit;

namespace Workbench.Engine.Tests.Statistics;

public sealed class StepCurvesTests
{
    private static readonly IReadOnlyList<(double X, double Y)>[] Curves =
    [
        [(10, 9), (20, 5)],
        [(10, 7), (30, 1)],
        [(10, 8), (20, 6), (30, 4)],
    ];

    [Fact]
    public void Each_run_holds_its_last_value_at_or_before_x_and_keeps_its_final_value_after_its_end()
    {
        var band = StepCurves.Band(Curves, [10.0, 20, 25, 30]);
        Assert.Equal([10.0, 20, 25, 30], band.X);
        // x=20: 5, 7, 6; x=30: the first run stopped at 20 and stays at 5.
        Assert.Equal([8.0, 6, 6, 4], band.Median);
        Assert.Equal([7.5, 5.5, 5.5, 2.5], band.Lower);
        Assert.Equal([8.5, 6.5, 6.5, 4.5], band.Upper);
    }

    [Fact]
    public void A_run_that_has_not_started_is_left_out_and_a_point_without_any_run_is_dropped()
    {
        IReadOnlyList<(double X, double Y)>[] curves = [[(5, 100)], [(15, 1)]];
        var band = StepCurves.Band(curves, [0.0, 10, 20]);
        Assert.Equal([10.0, 20], band.X);
        Assert.Equal([100.0, 50.5], band.Median);
    }

    [Fact]
    public void The_default_grid_spans_the_first_to_the_last_point_of_any_curve()
    {
        var band = StepCurves.Band(Curves, points: 5);
        Assert.Equal([10.0, 15, 20, 25, 30], band.X);
        Assert.Equal([8.0, 8, 6, 6, 4], band.Median);
        Assert.Empty(StepCurves.Band([], points: 5).X);
    }
}

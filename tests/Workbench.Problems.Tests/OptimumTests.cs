using Workbench.Problems.Benchmarks.Functions;
using Xunit;

namespace Workbench.Problems.Tests;

public sealed class OptimumTests
{
    public static TheoryData<string, int> IdsAndDimensions
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var factory in Catalogue.All)
            {
                foreach (var n in new[] { 1, 2, 5, 10, 50 })
                {
                    if (factory.Dimensions.Contains(n))
                    {
                        data.Add(factory.Id, n);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(IdsAndDimensions))]
    public void The_known_optimum_value_is_reached_at_the_known_point(string id, int n)
    {
        var problem = Catalogue.Create(id, n);
        var optimum = Assert.IsType<Contracts.Problems.KnownOptimum>(problem.Optimum);
        Assert.Equal(0.0, optimum.Value);
        var point = Assert.IsAssignableFrom<IReadOnlyList<double>>(optimum.Point);
        Assert.Equal(n, point.Count);

        // Schwefel's offset is a rounded maximum, so its minimum is ~1.3e-14 per coordinate; the others are exact.
        var tolerance = id == "schwefel" ? 1e-10 : 1e-15;
        var value = Catalogue.EvaluateOne(problem, [.. point]);
        Assert.True(Math.Abs(value - optimum.Value) <= tolerance, $"{id}({n}) at its optimum = {value:R}");
    }

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public void Nearby_points_are_worse_than_the_optimum(string id)
    {
        var problem = Catalogue.Create(id, 4);
        var best = problem.Optimum!.Point!.ToArray();
        var optimal = Catalogue.EvaluateOne(problem, best);
        foreach (var step in new[] { -1e-3, 1e-3 })
        {
            for (var j = 0; j < best.Length; j++)
            {
                var moved = (double[])best.Clone();
                moved[j] += step;
                Assert.True(Catalogue.EvaluateOne(problem, moved) > optimal, $"{id}: moving coordinate {j} by {step} did not worsen f");
            }
        }
    }

    [Fact]
    public void Schwefel_minimum_is_at_plus_420_9687_not_minus()
    {
        var problem = Catalogue.Create("schwefel", 3);
        var point = problem.Optimum!.Point!;
        Assert.All(point, x => Assert.Equal(420.968746359982, x, 1e-9));

        Assert.True(Math.Abs(Catalogue.EvaluateOne(problem, 420.9687, 420.9687, 420.9687)) < 1e-4);

        // The Playdoh paper's point: each coordinate costs about 2 × 418.98.
        var paper = Catalogue.EvaluateOne(problem, -420.9687, -420.9687, -420.9687);
        Assert.Equal(3 * 837.9657745448675, paper, 1e-6);
    }

    [Fact]
    public void Schwefel_optimum_coordinate_is_a_stationary_point_of_x_sin_sqrt_x()
    {
        // d/dx x·sin(√x) = sin(√x) + (√x/2)·cos(√x) vanishes at the minimiser.
        var s = Math.Sqrt(Schwefel.OptimumCoordinate);
        Assert.True(Math.Abs(Math.Sin(s) + (s / 2 * Math.Cos(s))) < 1e-12);
    }
}

using Xunit;

namespace Workbench.Problems.Tests;

/// <summary>Values worked out by hand (or with 40-digit arithmetic in mpmath), independent of the code under test.</summary>
public sealed class KnownValueTests
{
    public static TheoryData<string, double[], double, double> HandValues => new()
    {
        { "sphere", [1, 2, 3], 14, 0 },
        { "sphere", [-0.5], 0.25, 0 },
        { "ellipsoid", [3], 9, 0 },                      // n = 1: the weight is 1
        { "ellipsoid", [1, 1], 1_000_001, 0 },           // weights 1, 10^6
        { "ellipsoid", [1, 1, 1], 1_001_001, 0 },        // weights 1, 10^3, 10^6
        { "ellipsoid", [2, 0, -1], 1_000_004, 0 },
        { "rosenbrock", [0, 0], 1, 0 },
        { "rosenbrock", [-1, 1], 4, 0 },                 // 100(1 - 1)^2 + (1 + 1)^2
        { "rosenbrock", [0, 1, 0], 201, 0 },             // (100·1 + 1) + (100·1 + 0)
        { "rastrigin", [1, 1], 2, 1e-12 },
        { "rastrigin", [0.5], 20.25, 1e-12 },            // 10 + 0.25 - 10·cos(π)
        { "schwefel", [1], 418.14141628762590349, 1e-12 }, // C - sin(1)
        { "schwefel", [100, -100], 837.9657745448676, 1e-12 }, // the x·sin(√|x|) terms cancel
        { "ackley", [1], 3.6253849384403630084, 1e-13 },  // 20 - 20·exp(-0.2)
        { "ackley", [0.5], 4.2536540265684115509, 1e-13 },
        { "ackley", [1, 2], 5.4221317177995082165, 1e-13 },
        { "griewank", [0, Math.PI * 1.4142135623730951], 2.0049348022005446793, 1e-12 }, // 2 + π²/2000
        { "griewank", [1, 2, 3], 1.0170279701835734336, 1e-12 },
    };

    [Theory]
    [MemberData(nameof(HandValues))]
    public void Matches_a_hand_computed_value(string id, double[] point, double expected, double tolerance)
    {
        var problem = Catalogue.Create(id, point.Length);
        Assert.Equal(expected, Catalogue.EvaluateOne(problem, point), tolerance);
    }

    [Fact]
    public void Ackley_is_zero_at_the_origin_to_within_1e_15()
    {
        foreach (var n in new[] { 1, 2, 10, 30 })
        {
            var value = Catalogue.EvaluateOne(Catalogue.Create("ackley", n), new double[n]);
            Assert.True(Math.Abs(value) <= 1e-15, $"ackley(0) in dimension {n} = {value:R}");
        }
    }
}

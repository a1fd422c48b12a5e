using Xunit;
using Xunit.Abstractions;

namespace Workbench.Algorithms.Pso.Tests;

public sealed class PsoConvergenceTests
{
    private readonly ITestOutputHelper _output;

    public PsoConvergenceTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Paper bar (a): Rosenbrock 5-D on [-2.2, 2.2], 80 particles, 150 iterations, seeds 1-10. The C++
    /// gbest PSO reference reaches a median of 0.35 (Playdoh's 2011 PSO: 2.94).</summary>
    [Theory]
    [InlineData("constriction")]
    [InlineData("spso2011")]
    public void Rosenbrock_5d_paper_bar_median_at_most_035(string variant)
    {
        var problem = Harness.Problem(5, -2.2, 2.2);
        var results = Enumerable.Range(1, 10)
            .Select(seed => Harness.Run(Harness.Create(problem, (ulong)seed, ("swarm-size", "80"), ("variant", variant)), TestFunctions.Rosenbrock, 150))
            .ToArray();
        var median = Harness.Median(results);
        _output.WriteLine($"{variant}: median {median:G4}; all: {string.Join(", ", results.Select(r => r.ToString("G3")))}");
        Assert.True(median <= 0.35, $"median {median}");
    }

    [Theory]
    [InlineData("constriction", "gbest")]
    [InlineData("constriction", "ring")]
    [InlineData("spso2011", "gbest")]
    [InlineData("spso2011", "ring")]
    public void Every_variant_and_topology_solves_sphere_10d(string variant, string topology)
    {
        var pso = Harness.Create(Harness.Problem(10, -5, 5), 5, ("variant", variant), ("topology", topology));
        Assert.True(Harness.Run(pso, TestFunctions.Sphere, 400) < 1e-6, $"best {pso.BestFitness}");
    }

    [Fact]
    public void Ring_solves_rosenbrock_2d_to_high_accuracy()
    {
        var pso = Harness.Create(Harness.Problem(2, -2, 2), 9, ("topology", "ring"), ("swarm-size", "30"));
        Assert.True(Harness.Run(pso, TestFunctions.Rosenbrock, 500) < 1e-8, $"best {pso.BestFitness}");
    }
}

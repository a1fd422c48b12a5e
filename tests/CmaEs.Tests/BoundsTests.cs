using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;
using Xunit;

namespace Workbench.Algorithms.CmaEs.Tests;

public sealed class BoundsTests
{
    private static void AssertAllInside(Bounds bounds, Dictionary<string, string> text, Harness.Objective f, int iterations)
    {
        var factory = new CmaEsFactory();
        var optimizer = factory.Create(new ProblemInfo("p", bounds.Dimension, bounds), factory.Options.Parse(text), 9);
        var n = bounds.Dimension;
        for (var it = 0; it < iterations; it++)
        {
            var batch = optimizer.Ask().Span;
            var fitness = new double[batch.Length / n];
            for (var k = 0; k < fitness.Length; k++)
            {
                var point = batch.Slice(k * n, n);
                Assert.True(bounds.Contains(point), $"iteration {it}: point {string.Join(",", point.ToArray())} is outside");
                fitness[k] = f(point);
            }

            optimizer.Tell(fitness);
        }
    }

    [Fact]
    public void Points_stay_inside_a_tiny_domain_far_from_zero()
    {
        var bounds = new Bounds([1e6, -1e-12, 3], [1e6 + 1e-6, 1e-12, 3 + 1e-9]);
        AssertAllInside(bounds, new() { ["restarts"] = "ipop" }, x => -x[0] + x[1] - x[2], 300);
    }

    [Fact]
    public void Points_stay_inside_with_x0_on_the_boundary_and_a_huge_sigma0()
    {
        var bounds = Bounds.Uniform(5, -1, 1);
        var text = new Dictionary<string, string> { ["x0"] = "-1,1,-1,1,1", ["sigma0"] = "1000" };
        AssertAllInside(bounds, text, x => Harness.Sphere(x), 200);
    }

    [Fact]
    public void Coordinate_standard_deviations_never_exceed_the_cap()
    {
        const int n = 4;
        var p = new StrategyParameters(n, 8, null);
        var cap = new[] { 0.5, 0.5, 2.0, 0.01 };
        var run = new CmaRun(p, new double[n], sigma: 10, cap);
        var rng = new Workbench.Contracts.Randomness.RandomStream(5);
        var steps = new double[p.Lambda * n];
        var x = new double[n];
        for (var it = 0; it < 200; it++)
        {
            run.RefreshEigenIfDue();
            var fitness = new double[p.Lambda];
            for (var k = 0; k < p.Lambda; k++)
            {
                run.Sample(rng, steps.AsSpan(k * n, n), x);
                fitness[k] = rng.NextDouble(); // random selection: CSA lets sigma drift up
            }

            var order = Enumerable.Range(0, p.Lambda).OrderBy(k => fitness[k]).ToArray();
            run.Update(steps, order);
            for (var i = 0; i < n; i++)
            {
                Assert.True(run.CoordinateStd(i) <= cap[i] * (1 + 1e-12), $"iteration {it}: std {run.CoordinateStd(i)} of coordinate {i} > {cap[i]}");
            }
        }
    }

    /// <summary>With the periodic bound transform, a distribution much wider than the domain sees a landscape
    /// that repeats; on this seed step-size control then drifts upwards (σ near 670 in a domain of width 10) and
    /// the run stagnates on the sphere (the seed changed from 240 to 31 with pycma's narrower quadratic zone of the
    /// transform, which no longer lets seed 240 diverge). The default cap (a third of the width, as pycma) prevents it.</summary>
    [Fact]
    public void Sphere_run_that_diverges_without_the_standard_deviation_cap_converges_with_it()
    {
        // One run each: with restarts (the default) a diverged run would be restarted rather than stagnate.
        var uncapped = Harness.Run(Harness.Create(10, -5, 5, 31, ("max-std", "0"), ("restarts", "none")), Harness.Sphere, 1e-8, 100_000);
        Assert.False(uncapped.Reached);
        Assert.Equal("tolstagnation", uncapped.StopReason);
        var capped = Harness.Run(Harness.Create(10, -5, 5, 31, ("restarts", "none")), Harness.Sphere, 1e-8, 100_000);
        Assert.True(capped.Reached, $"best {capped.Best}, stop {capped.StopReason}");
    }

    [Fact]
    public void Converges_to_an_optimum_on_the_bound()
    {
        var optimizer = Harness.Create(4, 1, 3, 4);
        var result = Harness.Run(optimizer, Harness.Sphere, 4 + 1e-8, 20_000);
        Assert.True(result.Reached, $"best {result.Best}");
        Assert.All(optimizer.BestPoint.ToArray(), x => Assert.Equal(1, x, 4));
    }

    [Fact]
    public void Transform_is_the_identity_inside_and_inverts_on_the_bounds()
    {
        var transform = new BoundTransform(Bounds.Uniform(1, -2, 2));
        var y = new double[1];
        transform.ToBounds([0.3], y);
        Assert.Equal(0.3, y[0]);
        foreach (var p in new[] { -2, -1.99, 1.95, 2 })
        {
            var g = new double[1];
            transform.FromBounds([p], g);
            transform.ToBounds(g, y);
            Assert.Equal(p, y[0], 12);
        }

        foreach (var far in new[] { -1e9, -37.1, 5.5, 1e12 })
        {
            transform.ToBounds([far], y);
            Assert.InRange(y[0], -2, 2);
        }
    }
}
